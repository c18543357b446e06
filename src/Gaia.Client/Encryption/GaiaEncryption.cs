using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gaia.Protocol;

namespace Gaia.Client;

/// <summary>
/// @stacks/encryption's ECIES and content signatures, byte for byte: ECDH on secp256k1 with a one-time key, SHA-512 of
/// the shared x coordinate split into an AES-256-CBC key and an HMAC-SHA256 key, MAC over iv ‖ ephemeralPK ‖ cipher text.
/// </summary>
public static class GaiaEncryption
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ClientJson.Default,
    };

    /// <summary><c>encryptECIES</c>: encrypts <paramref name="content"/> to a public key (hex, compressed or not).</summary>
    /// <exception cref="ArgumentException">The public key is not a secp256k1 point.</exception>
    public static CipherObject EncryptECIES(string publicKeyHex, ReadOnlySpan<byte> content, bool wasString,
        CipherTextEncoding encoding = CipherTextEncoding.Hex)
    {
        var publicKey = Secp256k1.ParsePublicKey(HexOrEmpty(publicKeyHex))
            ?? throw new ArgumentException("Not a secp256k1 public key in hex.", nameof(publicKeyHex));
        var ephemeral = Secp256k1.NewPrivateKey();
        var ephemeralPublic = Secp256k1.PublicKeyOf(ephemeral);
        var (encryptionKey, macKey) = KeysOf(Secp256k1.SharedSecret(ephemeral, publicKey));
        CryptographicOperations.ZeroMemory(ephemeral);
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = encryptionKey;
        var cipherText = aes.EncryptCbc(content, iv, PaddingMode.PKCS7);
        var mac = MacOf(macKey, iv, ephemeralPublic, cipherText);
        return new CipherObject(
            Convert.ToHexStringLower(iv),
            Convert.ToHexStringLower(ephemeralPublic),
            encoding == CipherTextEncoding.Base64 ? Convert.ToBase64String(cipherText) : Convert.ToHexStringLower(cipherText),
            Convert.ToHexStringLower(mac),
            wasString,
            encoding == CipherTextEncoding.Base64 ? "base64" : null);
    }

    /// <summary><c>decryptECIES</c>: checks the MAC and decrypts; the plaintext bytes (UTF-8 text when <see cref="CipherObject.WasString"/>).</summary>
    /// <exception cref="CryptographicException">The envelope is malformed, the MAC does not match (wrong key or altered), or the padding is wrong.</exception>
    public static byte[] DecryptECIES(BucketKey key, CipherObject cipher)
    {
        byte[] iv, ephemeralPublic, cipherText, expectedMac;
        try
        {
            iv = Convert.FromHexString(cipher.Iv);
            ephemeralPublic = Convert.FromHexString(cipher.EphemeralPK);
            cipherText = cipher.CipherTextEncoding switch
            {
                null or "hex" => Convert.FromHexString(cipher.CipherText),
                "base64" => Convert.FromBase64String(cipher.CipherText),
                _ => throw new CryptographicException($"Unknown cipherTextEncoding '{cipher.CipherTextEncoding}'."),
            };
            expectedMac = Convert.FromHexString(cipher.Mac);
        }
        catch (FormatException)
        {
            throw new CryptographicException("The encrypted envelope is malformed: iv, ephemeralPK, cipherText or mac is not valid hex/base64.");
        }

        if (iv.Length != 16 || Secp256k1.ParsePublicKey(ephemeralPublic) is null)
        {
            throw new CryptographicException("The encrypted envelope is malformed: bad iv or ephemeralPK.");
        }

        var (encryptionKey, macKey) = KeysOf(key.SharedSecret(ephemeralPublic));
        var mac = MacOf(macKey, iv, ephemeralPublic, cipherText);
        if (!CryptographicOperations.FixedTimeEquals(mac, expectedMac))
        {
            throw new CryptographicException("Decryption failed: failure in MAC check (wrong key, or the file was altered).");
        }

        using var aes = Aes.Create();
        aes.Key = encryptionKey;
        return aes.DecryptCbc(cipherText, iv, PaddingMode.PKCS7);
    }

    /// <summary><c>encryptContent</c>: the JSON text <c>putFile</c> stores; signed with <paramref name="signer"/> when given.</summary>
    public static string EncryptContent(string publicKeyHex, ReadOnlySpan<byte> content, bool wasString,
        CipherTextEncoding encoding = CipherTextEncoding.Hex, BucketKey? signer = null)
    {
        var payload = JsonSerializer.Serialize(EncryptECIES(publicKeyHex, content, wasString, encoding), TypeInfo<CipherObject>());
        if (signer is null)
        {
            return payload;
        }

        var signature = SignECDSA(signer, Encoding.UTF8.GetBytes(payload));
        return JsonSerializer.Serialize(new SignedCipherObject(signature.Signature, signature.PublicKey, payload), TypeInfo<SignedCipherObject>());
    }

    /// <summary><c>decryptContent</c>: the plaintext of a stored envelope (the JSON text of a <see cref="CipherObject"/>).</summary>
    /// <exception cref="CryptographicException">The text is not an envelope, or it does not decrypt with this key.</exception>
    public static (byte[] Content, bool WasString) DecryptContent(BucketKey key, string envelopeJson)
    {
        var cipher = Parse(envelopeJson, TypeInfo<CipherObject>(), "an encrypted envelope");
        if (cipher.EphemeralPK is null || cipher.Iv is null || cipher.CipherText is null || cipher.Mac is null)
        {
            throw new CryptographicException("The content is not an encrypted envelope (no ephemeralPK, iv, cipherText or mac).");
        }

        return (DecryptECIES(key, cipher), cipher.WasString);
    }

    /// <summary><c>signECDSA</c>: a DER signature over SHA-256 of <paramref name="content"/>, with the signer's public key.</summary>
    public static SignatureObject SignECDSA(BucketKey key, ReadOnlySpan<byte> content) =>
        new(Convert.ToHexStringLower(Secp256k1.ToDer(key.Sign(SHA256.HashData(content)))), key.PublicKeyHex);

    /// <summary><c>verifyECDSA</c>: true when <paramref name="signatureHex"/> (DER or r ‖ s) signs SHA-256 of the content; high-S accepted.</summary>
    public static bool VerifyECDSA(ReadOnlySpan<byte> content, string publicKeyHex, string signatureHex) =>
        Secp256k1.Verify(HexOrEmpty(publicKeyHex), SHA256.HashData(content), HexOrEmpty(signatureHex));

    internal static T Parse<T>(string json, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new CryptographicException($"The content is not {what} (not the expected JSON).");
        }
    }

    internal static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Compact.GetTypeInfo(typeof(T));

    private static byte[] HexOrEmpty(string? hex)
    {
        try
        {
            return hex is null ? [] : Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static byte[] MacOf(byte[] macKey, byte[] iv, byte[] ephemeralPublic, byte[] cipherText)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, macKey);
        hmac.AppendData(iv);
        hmac.AppendData(ephemeralPublic);
        hmac.AppendData(cipherText);
        return hmac.GetHashAndReset();
    }

    private static (byte[] EncryptionKey, byte[] MacKey) KeysOf(byte[] sharedSecret)
    {
        var hashed = SHA512.HashData(sharedSecret);
        return (hashed[..32], hashed[32..]);
    }
}
