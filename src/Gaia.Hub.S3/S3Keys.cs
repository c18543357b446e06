using System.Text;

namespace Gaia.Hub.S3;

/// <summary>Object keys: a file is <c>{address}/{path}</c>, a bucket's revocation timestamp <c>{address}-auth/authTimestamp</c>.</summary>
internal static class S3Keys
{
    public const int MaxKeyBytes = 1024;

    public static string BucketPrefixOf(string bucket) =>
        GaiaPath.IsAddress(bucket) ? bucket + "/" : throw GaiaException.BadPath("Invalid bucket name.");

    /// <summary>
    /// The key of a file, or 403 for a path S3 would refuse. <see cref="GaiaPath.EnsureValid"/> already refuses what the
    /// SDK would rewrite on its way ('.' segments) or a listing could not carry (control characters), on every driver.
    /// </summary>
    public static string KeyOf(string bucket, string path)
    {
        var prefix = BucketPrefixOf(bucket);
        GaiaPath.EnsureValid(path);
        if (Encoding.UTF8.GetByteCount(prefix) + Encoding.UTF8.GetByteCount(path) > MaxKeyBytes)
        {
            throw GaiaException.BadPath($"Invalid path: S3 object keys are limited to {MaxKeyBytes} bytes.");
        }

        return prefix + path;
    }

    public static string RevocationKeyOf(string address) =>
        GaiaPath.IsAddress(address) ? address + "-auth/authTimestamp" : throw new ArgumentException("Not an address.", nameof(address));

    /// <summary>C0 controls cannot appear in the XML of a listing (S3 would have to URL-encode every key).</summary>
    public static bool HasControlCharacter(string text) => text.Any(c => c < ' ' || c is '\uFFFE' or '\uFFFF');
}
