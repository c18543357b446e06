using Gaia.Protocol;

namespace Gaia.Cli.Hubs;

/// <summary>Builds hub and read URLs: every path segment percent-encoded, the slashes between them kept.</summary>
internal static class GaiaPaths
{
    /// <summary><c>photos/été 🌞.bin</c> → <c>photos/%C3%A9t%C3%A9%20%F0%9F%8C%9E.bin</c>. Empty segments stay empty (spec 1.1).</summary>
    public static string Encode(string path) => GaiaPath.Encode(path);

    /// <summary>The hub base URL as given, without trailing slashes; it must be absolute http(s).</summary>
    public static string NormalizeHubUrl(string url, string option)
    {
        var trimmed = url.Trim().TrimEnd('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? trimmed
            : throw CliException.Usage($"{option} '{url}' is not an http or https URL");
    }

    /// <summary>A file path as given on the command line; hubs reject empty names and '..'.</summary>
    public static string CheckFilePath(string path) =>
        path.Length == 0 || path.EndsWith('/')
            ? throw CliException.Usage($"'{path}' is not a file path in the bucket")
            : path;
}
