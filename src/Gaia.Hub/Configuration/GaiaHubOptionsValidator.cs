using Microsoft.Extensions.Options;

namespace Gaia.Hub.Configuration;

/// <summary>Refuses to start with settings that cannot work, naming the setting and the fix.</summary>
internal sealed class GaiaHubOptionsValidator : IValidateOptions<GaiaHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GaiaHubOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ServerName))
        {
            errors.Add("Gaia:ServerName must not be empty.");
        }

        if (!(o.MaxFileUploadSizeMegabytes > 0) || o.MaxFileUploadSizeMegabytes > 1024 * 1024)
        {
            errors.Add($"Gaia:MaxFileUploadSizeMegabytes must be a number above 0 (got {o.MaxFileUploadSizeMegabytes}).");
        }

        if (o.PageSize is < 1 or > 4096)
        {
            errors.Add($"Gaia:PageSize must be between 1 and 4096 (got {o.PageSize}).");
        }

        if (o.Driver is not ("disk" or "azure" or "s3"))
        {
            errors.Add($"Gaia:Driver must be 'disk', 'azure' or 's3' (got '{o.Driver}').");
        }

        CheckUrl(o.PublicUrl, "Gaia:PublicUrl", errors);
        CheckUrl(o.ReadUrl, "Gaia:ReadUrl", errors);
        errors.AddRange(o.Whitelist.Where(a => a.Length == 0 || !a.All(char.IsAsciiLetterOrDigit))
            .Select(a => $"Gaia:Whitelist entry '{a}' is not a bucket address."));
        errors.AddRange(o.AllowedHosts.Where(h => h.Length == 0 || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal))
            .Select(h => $"Gaia:AllowedHosts entry '{h}' must be a host name such as hub.example.com or *.example.com, without scheme or port."));
        if (o.ProofsRequired != 0)
        {
            errors.Add("Gaia:ProofsRequired is not supported (social proofs are obsolete); leave it at 0.");
        }

        if (o.TokenCacheSize < 0)
        {
            errors.Add("Gaia:TokenCacheSize must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUrl(string? value, string setting, List<string> errors)
    {
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add($"{setting} must be an absolute http(s) URL (got '{value}').");
        }
    }
}
