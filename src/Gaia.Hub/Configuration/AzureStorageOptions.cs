namespace Gaia.Hub.Configuration;

/// <summary>
/// Azure Storage settings of the <c>azure</c> driver, bound from <c>Gaia:Azure</c> (<c>Gaia__Azure__ConnectionString</c>
/// etc. in the environment). Give either <see cref="ConnectionString"/> (development) or both service URIs (managed identity).
/// </summary>
public sealed class AzureStorageOptions
{
    public const string SectionName = "Gaia:Azure";

    /// <summary>For development: <c>UseDevelopmentStorage=true</c>, or Azurite's or an account's full connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For Azure: e.g. <c>https://{account}.blob.core.windows.net</c>, reached with <c>DefaultAzureCredential</c>.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>For Azure: e.g. <c>https://{account}.table.core.windows.net</c>, reached with <c>DefaultAzureCredential</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; unset means the system-assigned one (or developer sign-in).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The blob container of all buckets (created at start, without public access: reads go through the hub).</summary>
    public string ContainerName { get; set; } = "hub";

    /// <summary>The table of revocation timestamps (created at start).</summary>
    public string TableName { get; set; } = "gaiarevocations";

    /// <summary>How long a revocation timestamp read from the table is reused; a revocation made through another instance takes effect here within this bound.</summary>
    public int RevocationCacheSeconds { get; set; } = 5;

    /// <summary>Uploads are read and staged in blocks of this many bytes; a smaller file is sent in a single request.</summary>
    public int UploadBlockSizeBytes { get; set; } = 4 * 1024 * 1024;
}
