namespace Gaia.Hub.Storage;

/// <summary>ETag comparison that survives CDNs and proxies: weak prefixes and quotes are ignored on both sides.</summary>
public static class ETags
{
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && Bare(a).SequenceEqual(Bare(b));

    public static ReadOnlySpan<char> Bare(string etag)
    {
        var span = etag.AsSpan().Trim();
        if (span.StartsWith("W/", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        return span.Length >= 2 && span[0] == '"' && span[^1] == '"' ? span[1..^1] : span;
    }
}
