using System.Buffers.Text;
using System.Text;

namespace Gaia.Hub.S3;

/// <summary>
/// A list-files page token: the last name of the page before, base64url-encoded (the disk driver's form). The listing
/// goes on after that name with S3's <c>StartAfter</c>, so a token does not depend on the service's own continuation
/// tokens and is checked here: anything that is not such a name is a 400.
/// </summary>
internal static class S3PageToken
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static string Encode(string lastName) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastName));

    /// <summary>The name to continue after; null for no token.</summary>
    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            var name = StrictUtf8.GetString(bytes);
            return bytes.Length is > 0 and <= S3Keys.MaxKeyBytes && !S3Keys.HasControlCharacter(name) ? name : throw Invalid();
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw Invalid();
        }
    }

    private static GaiaException Invalid() => GaiaException.InvalidInput("Invalid page token.");
}
