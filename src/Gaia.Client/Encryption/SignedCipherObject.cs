using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary>What <c>putFile</c> with <c>encrypt</c> and <c>sign</c> stores: the envelope's JSON text and a signature over it.</summary>
/// <param name="Signature">DER ECDSA signature over SHA-256 of <paramref name="CipherText"/> (UTF-8), in hex.</param>
/// <param name="PublicKey">The signer's compressed public key, in hex.</param>
/// <param name="CipherText">The <see cref="CipherObject"/> as JSON text.</param>
public sealed record SignedCipherObject(
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("cipherText")] string CipherText);
