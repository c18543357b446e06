using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Configuration;

/// <summary>Refuses to start the <c>azure</c> driver without usable credentials or with names Azure would reject.</summary>
internal sealed partial class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
    public const int MinBlockSize = 16 * 1024;
    public const int MaxBlockSize = 100 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, AzureStorageOptions o)
    {
        var errors = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(o.ConnectionString);
        var (hasBlobUri, hasTableUri) = (!string.IsNullOrWhiteSpace(o.BlobServiceUri), !string.IsNullOrWhiteSpace(o.TableServiceUri));
        if (hasConnectionString && (hasBlobUri || hasTableUri))
        {
            errors.Add("Gaia:Azure: set either ConnectionString (development) or BlobServiceUri and TableServiceUri (managed identity), not both.");
        }
        else if (!hasConnectionString && !hasBlobUri && !hasTableUri)
        {
            errors.Add("Gaia:Azure needs credentials: set Gaia:Azure:ConnectionString (development: 'UseDevelopmentStorage=true' or "
                + "Azurite's connection string) or both Gaia:Azure:BlobServiceUri and Gaia:Azure:TableServiceUri (managed identity).");
        }
        else if (!hasConnectionString && hasBlobUri != hasTableUri)
        {
            errors.Add($"Gaia:Azure:BlobServiceUri and Gaia:Azure:TableServiceUri must be set together (only {(hasBlobUri ? "BlobServiceUri" : "TableServiceUri")} is set).");
        }

        if (hasConnectionString && ConnectionStringProblem(o.ConnectionString!) is { } problem)
        {
            errors.Add($"Gaia:Azure:ConnectionString is not a storage connection string: {problem}");
        }

        CheckUri(o.BlobServiceUri, "Gaia:Azure:BlobServiceUri", errors);
        CheckUri(o.TableServiceUri, "Gaia:Azure:TableServiceUri", errors);
        if (o.ContainerName is null || !ContainerNamePattern().IsMatch(o.ContainerName))
        {
            errors.Add($"Gaia:Azure:ContainerName must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (got '{o.ContainerName}').");
        }

        if (o.TableName is null || !TableNamePattern().IsMatch(o.TableName) || o.TableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Gaia:Azure:TableName must be 3-63 letters and digits, starting with a letter (got '{o.TableName}').");
        }

        if (o.RevocationCacheSeconds is < 0 or > 3600)
        {
            errors.Add($"Gaia:Azure:RevocationCacheSeconds must be between 0 and 3600 (got {o.RevocationCacheSeconds}).");
        }

        if (o.UploadBlockSizeBytes is < MinBlockSize or > MaxBlockSize)
        {
            errors.Add($"Gaia:Azure:UploadBlockSizeBytes must be between {MinBlockSize} and {MaxBlockSize} (got {o.UploadBlockSizeBytes}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUri(string? value, string setting, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(value) && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"{setting} must be an absolute http(s) URL (got '{value}').");
        }
    }

    /// <summary>What the Blob and Table clients find wrong with the connection string (they parse it without any network call).</summary>
    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
            _ = new Azure.Data.Tables.TableServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$")]
    private static partial Regex ContainerNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
