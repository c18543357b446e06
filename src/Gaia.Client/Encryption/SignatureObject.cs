using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary><c>signECDSA</c>'s result, and the content of a <c>{path}.sig</c> file.</summary>
/// <param name="Signature">DER ECDSA signature over SHA-256 of the content, in hex.</param>
/// <param name="PublicKey">The signer's compressed public key, in hex.</param>
public sealed record SignatureObject(
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("publicKey")] string PublicKey);
