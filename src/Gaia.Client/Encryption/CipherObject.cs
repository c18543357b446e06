using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary>
/// An ECIES envelope as @stacks/encryption's <c>encryptECIES</c> returns it and <c>putFile</c> stores it (as JSON).
/// </summary>
/// <param name="Iv">The AES-CBC initialization vector, 16 bytes in hex.</param>
/// <param name="EphemeralPK">The sender's one-time public key, compressed, in hex.</param>
/// <param name="CipherText">AES-256-CBC cipher text, hex or base64 (see <paramref name="CipherTextEncoding"/>).</param>
/// <param name="Mac">HMAC-SHA256 over iv ‖ ephemeralPK ‖ cipher text, in hex.</param>
/// <param name="WasString">True when the plaintext was text (UTF-8).</param>
/// <param name="CipherTextEncoding"><c>base64</c>, or null for hex.</param>
public sealed record CipherObject(
    [property: JsonPropertyName("iv")] string Iv,
    [property: JsonPropertyName("ephemeralPK")] string EphemeralPK,
    [property: JsonPropertyName("cipherText")] string CipherText,
    [property: JsonPropertyName("mac")] string Mac,
    [property: JsonPropertyName("wasString")] bool WasString,
    [property: JsonPropertyName("cipherTextEncoding"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CipherTextEncoding = null);
