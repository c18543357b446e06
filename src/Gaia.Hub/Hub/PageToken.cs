using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gaia.Hub.Errors;

namespace Gaia.Hub.Hub;

/// <summary>
/// The list-files page token clients see, the same on every driver: the driver's own continuation, sealed with the
/// bucket and prefix it belongs to and a checksum, in base64url. Anything else (garbage, a truncated or altered token,
/// one from another bucket or prefix, a page number) is refused with 400 before the driver sees it.
/// </summary>
internal static class PageToken
{
    private const byte Version = 1;
    private const int ChecksumBytes = 8;
    private static readonly byte[] Domain = "gaia list-files page token"u8.ToArray();

    public static string Seal(string continuation, string bucket, string? prefix)
    {
        var body = Body(continuation, bucket, prefix);
        var token = new byte[1 + ChecksumBytes + body.Length];
        token[0] = Version;
        Checksum(body).CopyTo(token.AsSpan(1));
        body.CopyTo(token, 1 + ChecksumBytes);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The driver's continuation inside <paramref name="token"/>; 400 unless it was sealed for this bucket and prefix.</summary>
    public static string Open(string token, string bucket, string? prefix)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (bytes.Length < 1 + ChecksumBytes || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(1, ChecksumBytes), Checksum(bytes.AsSpan(1 + ChecksumBytes))))
        {
            throw Invalid();
        }

        var (continuation, owner, scope) = Parse(bytes.AsSpan(1 + ChecksumBytes));
        return owner == bucket && scope == (prefix ?? "")
            ? continuation
            : throw GaiaException.InvalidInput("The page token belongs to another listing (another bucket or prefix).");
    }

    /// <summary>Bucket, prefix and continuation, each as a 4-byte length and UTF-8.</summary>
    private static byte[] Body(string continuation, string bucket, string? prefix)
    {
        using var body = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { bucket, prefix ?? "", continuation })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            body.Write(length);
            body.Write(bytes);
        }

        return body.ToArray();
    }

    private static (string Continuation, string Bucket, string Prefix) Parse(ReadOnlySpan<byte> body)
    {
        var parts = new string[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (body.Length < 4 || BinaryPrimitives.ReadInt32LittleEndian(body) is var length && (length < 0 || length > body.Length - 4))
            {
                throw Invalid();
            }

            parts[i] = Encoding.UTF8.GetString(body.Slice(4, length));
            body = body[(4 + length)..];
        }

        return body.IsEmpty ? (parts[2], parts[0], parts[1]) : throw Invalid();
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => HMACSHA256.HashData(Domain, body)[..ChecksumBytes];

    private static GaiaException Invalid() => GaiaException.InvalidInput("Invalid page token.");
}
