using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>ES256K compact JWS as jsontokens makes it: r ‖ s over SHA-256 of the exact received "header.payload" text.</summary>
internal static class CompactJws
{
    /// <summary>Decodes the payload and checks the signature with the key in its <c>iss</c> claim.</summary>
    public static (JsonElement Payload, string IssuerAddress) VerifyWithIssuer(string token, string what)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw GaiaException.Validation($"The {what} is not a compact JWT.");
        }

        _ = ParseJson(parts[0], what);
        var payload = ParseJson(parts[1], what);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw GaiaException.Validation($"The {what} payload is not a JSON object.");
        }

        if (!payload.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String)
        {
            throw GaiaException.Validation($"The {what} has no issuer (iss).");
        }

        if (!Hex.TryDecode(iss.GetString(), out var keyBytes) || Secp256k1.TryParsePublicKey(keyBytes) is not { } key)
        {
            throw GaiaException.Validation($"The {what} issuer is not a secp256k1 public key.");
        }

        var signature = Decode(parts[2], what);
        var signedLength = parts[0].Length + 1 + parts[1].Length;
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(token, 0, signedLength));
        if (signature.Length != 64 || !Secp256k1.Verify(key, digest, signature.AsSpan(0, 32), signature.AsSpan(32)))
        {
            throw GaiaException.Validation($"The {what} signature does not verify.");
        }

        return (payload, BitcoinAddress.FromCompressedKey(Secp256k1.Compress(key)));
    }

    private static JsonElement ParseJson(string segment, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(Decode(segment, what));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw GaiaException.Validation($"The {what} is not valid JSON.");
        }
    }

    private static byte[] Decode(string segment, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            throw GaiaException.Validation($"The {what} is not valid base64url.");
        }
    }
}
