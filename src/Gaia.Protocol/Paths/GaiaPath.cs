using System.Text;

namespace Gaia.Protocol;

/// <summary>File-name rules of spec 1.1: percent-decoding, one trailing slash stripped, and nothing that leaves the bucket.</summary>
public static class GaiaPath
{
    /// <summary>
    /// Longest file name, in UTF-8 bytes: <c>{address}/{name}</c> and its archival <c>.history.</c> name then stay within
    /// the 1,024 that Azure Blob Storage and S3 allow for an object name, so a file can move to any hub.
    /// </summary>
    public const int MaxBytes = 900;

    /// <summary>Longest segment, in UTF-8 bytes: what file systems allow for one name (NAME_MAX).</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>The most path segments a file name may have.</summary>
    public const int MaxSegments = 100;

    /// <summary>Longest bucket name: addresses are 26 to 35 base58 characters.</summary>
    public const int MaxAddressLength = 64;
    private const string HistoryMarker = ".history.";

    /// <summary>Splits the raw (still encoded) text after <c>/store/</c> etc. into the address and the decoded file name.</summary>
    /// <returns>null when it does not match <c>[A-Za-z0-9]+/.+</c> (the route does not exist).</returns>
    public static (string Address, string Path)? ParseRoute(string? rest, bool allowAuthBuckets = false)
    {
        if (rest is null)
        {
            return null;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1 || !IsBucketName(rest.AsSpan(0, slash), allowAuthBuckets))
        {
            return null;
        }

        var path = Decode(rest[(slash + 1)..]);
        return (rest[..slash], path.EndsWith('/') ? path[..^1] : path);
    }

    /// <summary>True for a bucket name: one or more ASCII letters and digits.</summary>
    public static bool IsAddress(ReadOnlySpan<char> text) => IsBucketName(text, false);

    /// <summary>
    /// Throws 403 <c>BadPathError</c> unless the decoded name is safe to store under its bucket, the same on every driver
    /// so that any file can move to any hub: no <c>..</c>, no <c>.</c> segment (file systems and HTTP stacks drop it), no
    /// control character (XML listings cannot carry one), and within the lengths every storage allows.
    /// </summary>
    public static void EnsureValid(string path)
    {
        var problem = path switch
        {
            "" => "the file name is empty",
            _ when path.Contains("..", StringComparison.Ordinal) => "it contains '..'",
            _ when path.Contains('\0', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) =>
                "it contains a NUL or backslash character",
            _ when path.EndsWith('/') => "it ends with '/'",
            _ when path == "." || path.StartsWith("./", StringComparison.Ordinal) || path.EndsWith("/.", StringComparison.Ordinal)
                || path.Contains("/./", StringComparison.Ordinal) => "it has a '.' segment, which storage would drop",
            _ when path.Any(c => char.IsControl(c) || c is '\uFFFE' or '\uFFFF') => "it contains a control character, which listings cannot carry",
            _ when Encoding.UTF8.GetByteCount(path) > MaxBytes => $"it is longer than {MaxBytes} bytes of UTF-8",
            _ when path.Count(c => c == '/') >= MaxSegments => $"it has more than {MaxSegments} segments",
            _ when LongestSegmentBytes(path) > MaxSegmentBytes => $"a segment is longer than {MaxSegmentBytes} bytes of UTF-8",
            _ => null,
        };
        if (problem is not null)
        {
            throw GaiaException.BadPath($"Invalid path: {problem}.");
        }
    }

    /// <summary><c>decodeURIComponent</c>: %XX sequences must form valid UTF-8; <c>+</c> stays a plus.</summary>
    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%')
            {
                if (i + 2 >= encoded.Length || !byte.TryParse(encoded.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
                {
                    throw GaiaException.InvalidInput("Malformed percent-encoding in the path.");
                }

                bytes.Add(b);
                i += 2;
                continue;
            }

            Flush(bytes, builder);
            builder.Append(encoded[i]);
        }

        Flush(bytes, builder);
        return builder.ToString();
    }

    /// <summary>The inverse of <see cref="Decode"/>: every segment percent-encoded, the slashes between them kept.</summary>
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>True for an archival history copy (<c>.history.</c> file names), which listings hide.</summary>
    public static bool IsHistorical(string path) =>
        path.AsSpan(path.LastIndexOf('/') + 1).StartsWith(HistoryMarker, StringComparison.Ordinal);

    /// <summary><c>dir/.history.{ms}.{id}.{name}</c> for <c>dir/name</c> (spec 3.9).</summary>
    public static string HistoryNameOf(string path, long unixMilliseconds, string id)
    {
        var cut = path.LastIndexOf('/') + 1;
        return $"{path[..cut]}{HistoryMarker}{unixMilliseconds}.{id}.{path[cut..]}";
    }

    private static int LongestSegmentBytes(ReadOnlySpan<char> path)
    {
        var longest = 0;
        foreach (var range in path.Split('/'))
        {
            longest = Math.Max(longest, Encoding.UTF8.GetByteCount(path[range]));
        }

        return longest;
    }

    private static void Flush(List<byte> bytes, StringBuilder builder)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        try
        {
            builder.Append(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray()));
        }
        catch (DecoderFallbackException)
        {
            throw GaiaException.InvalidInput("Percent-encoded path is not valid UTF-8.");
        }

        bytes.Clear();
    }

    private static bool IsBucketName(ReadOnlySpan<char> name, bool allowAuthBuckets)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !(allowAuthBuckets && c is '-' or '_'))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= MaxAddressLength;
    }
}
