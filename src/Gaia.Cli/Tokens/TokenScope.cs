using Gaia.Protocol;

namespace Gaia.Cli.Tokens;

/// <summary>Scopes as written on the command line: <c>scope:domain</c>.</summary>
internal static class TokenScope
{
    /// <summary>The six scope names hubs know (spec 3.9); a token may carry at most eight entries.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["putFile", "putFilePrefix", "deleteFile", "deleteFilePrefix", "putFileArchival", "putFileArchivalPrefix"];

    public const int MaxCount = 8;

    /// <summary>Splits at the first colon, so a domain may itself contain colons.</summary>
    public static AuthScope Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw CliException.Usage($"scope '{text}' is not of the form scope:domain (e.g. putFilePrefix:photos/)");
        }

        var scope = text[..colon];
        return Names.Contains(scope, StringComparer.Ordinal)
            ? new AuthScope(scope, text[(colon + 1)..])
            : throw CliException.Usage($"unknown scope '{scope}'; hubs know {string.Join(", ", Names)}");
    }
}
