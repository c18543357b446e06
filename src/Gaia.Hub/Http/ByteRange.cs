using System.Globalization;

namespace Gaia.Hub.Http;

/// <summary>One <c>bytes=</c> range of a Range header. Length 0 means "not satisfiable".</summary>
internal readonly record struct ByteRange(long Start, long Length)
{
    /// <returns>null when there is no usable single range (absent, malformed or several): the whole file is sent.</returns>
    public static ByteRange? Parse(string header, long size)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header.AsSpan(6).Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var hasFirst = long.TryParse(spec[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first);
        var hasLast = long.TryParse(spec[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last);
        if (dash == 0 && hasLast)
        {
            return last == 0 ? new ByteRange(0, 0) : new ByteRange(Math.Max(0, size - last), Math.Min(last, size));
        }

        if (!hasFirst || (dash + 1 < spec.Length && !hasLast) || (hasLast && last < first))
        {
            return null;
        }

        if (first >= size)
        {
            return new ByteRange(0, 0);
        }

        var end = hasLast ? Math.Min(last, size - 1) : size - 1;
        return new ByteRange(first, end - first + 1);
    }
}
