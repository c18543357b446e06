namespace Gaia.Hub.Configuration;

/// <summary>Hub settings, bound from the <c>Gaia</c> section (<c>Gaia__ServerName</c> etc. in the environment).</summary>
public sealed class GaiaHubOptions
{
    public const string SectionName = "Gaia";

    /// <summary>Goes into the challenge text; tokens are bound to it.</summary>
    public string ServerName { get; set; } = "gaia-0";

    /// <summary>The hub's public base URL; when unset it is taken from each request's scheme and host.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Without <see cref="PublicUrl"/> and <see cref="ReadUrl"/>: the hosts besides loopback names whose requests may
    /// set the URLs in answers (<c>hub.example.com</c>, <c>*.example.com</c>, or <c>*</c> for any).
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Where files are read back; default <c>{PublicUrl}/read/</c>, always ending in a slash.</summary>
    public string? ReadUrl { get; set; }

    public double MaxFileUploadSizeMegabytes { get; set; } = 20;

    public int PageSize { get; set; } = 100;

    /// <summary>Addresses allowed to write; empty means any address that proves its key.</summary>
    public string[] Whitelist { get; set; } = [];

    public string[] ValidHubUrls { get; set; } = [];

    public bool RequireCorrectHubUrl { get; set; }

    /// <summary><c>disk</c> (the default), <c>azure</c> or <c>s3</c>.</summary>
    public string Driver { get; set; } = "disk";

    /// <summary>Cache-Control sent with reads (and stored on cloud objects).</summary>
    public string CacheControl { get; set; } = "no-cache";

    /// <summary>How many verified token signatures are remembered.</summary>
    public int TokenCacheSize { get; set; } = 10_000;

    /// <summary>Social-proof checking is not supported; any value but 0 is refused at start.</summary>
    public int ProofsRequired { get; set; }

    public long MaxFileUploadSizeBytes => (long)(MaxFileUploadSizeMegabytes * 1024 * 1024);
}
