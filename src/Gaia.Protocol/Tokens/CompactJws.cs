using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>ES256K compact JWS as jsontokens makes it: r ‖ s over SHA-256 of the exact received "header.payload" text.</summary>
internal static class CompactJws
{
    private const int MaxSignatureChars = 88;

    /// <summary>Decodes the claims and checks the signature with the key in the <c>iss</c> claim; returns the claims and that key's address.</summary>
    public static (TokenClaims Claims, string IssuerAddress) VerifyWithIssuer(ReadOnlySpan<char> token, IReadOnlyList<string> challenges, string what)
    {
        var firstDot = token.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : token[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (firstDot < 0 || secondDot <= firstDot || token[(secondDot + 1)..].Contains('.'))
        {
            throw GaiaException.Validation($"The {what} is not a compact JWT.");
        }

        var signedText = token[..secondDot];
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(signedText.Length, Base64Url.GetMaxDecodedLength(signedText.Length)));
        try
        {
            CheckHeader(Decode(token[..firstDot], rented, what), what);
            var claims = TokenClaims.Read(Decode(token[(firstDot + 1)..secondDot], rented, what), challenges, what);
            if (!claims.HasIssuer)
            {
                throw GaiaException.Validation($"The {what} has no issuer (iss).");
            }

            if (claims.IssuerKey is not { } key)
            {
                throw GaiaException.Validation($"The {what} issuer is not a secp256k1 public key.");
            }

            var signatureText = token[(secondDot + 1)..];
            Span<byte> signature = stackalloc byte[Base64Url.GetMaxDecodedLength(MaxSignatureChars)];
            var signatureLength = signatureText.Length <= MaxSignatureChars ? Decode(signatureText, signature, what).Length : 0;
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(rented.AsSpan(0, Encoding.ASCII.GetBytes(signedText, rented)), digest);
            if (signatureLength != 64 || !Secp256k1.Verify(key, digest, signature[..32], signature[32..64]))
            {
                throw GaiaException.Validation($"The {what} signature does not verify.");
            }

            return (claims, BitcoinAddress.FromPublicKey(key));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The header must be JSON with valid text; its content is not used (jsontokens signs ES256K only).</summary>
    private static void CheckHeader(ReadOnlySpan<byte> json, string what)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            JsonText.ReadToEnd(ref reader, what);
            if (reader.TokenType == JsonTokenType.None)
            {
                throw new JsonException();
            }
        }
        catch (JsonException)
        {
            throw GaiaException.Validation($"The {what} is not valid JSON.");
        }
    }

    private static Span<byte> Decode(ReadOnlySpan<char> segment, Span<byte> buffer, string what)
    {
        try
        {
            return buffer[..Base64Url.DecodeFromChars(segment, buffer)];
        }
        catch (FormatException)
        {
            throw GaiaException.Validation($"The {what} is not valid base64url.");
        }
    }
}
