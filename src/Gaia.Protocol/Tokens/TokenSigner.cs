using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>
/// ES256K compact JWS as jsontokens writes it: header <c>{"typ":"JWT","alg":"ES256K"}</c>, base64url segments without
/// padding, and r ‖ s over SHA-256 of "header.payload". Also the legacy token, for hubs that still ask for one.
/// </summary>
public static class TokenSigner
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string Header = Base64Url.EncodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"u8);

    /// <summary>A v1 hub token (without the <c>v1:</c> prefix) signed by <paramref name="key"/>.</summary>
    public static string HubToken(BucketKey key, HubTokenClaims claims) => Sign(key, writer =>
    {
        writer.WriteString("gaiaChallenge", claims.Challenge);
        if (claims.HubUrl is not null)
        {
            writer.WriteString("hubUrl", claims.HubUrl);
        }

        writer.WriteString("iss", key.PublicKeyHex);
        writer.WriteString("salt", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        WriteTime(writer, "iat", claims.IssuedAt);
        WriteTime(writer, "exp", claims.Expires);
        if (claims.Scopes is { Count: > 0 } scopes)
        {
            writer.WriteStartArray("scopes");
            foreach (var scope in scopes)
            {
                writer.WriteStartObject();
                writer.WriteString("scope", scope.Scope);
                writer.WriteString("domain", scope.Domain);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (claims.AssociationToken is not null)
        {
            writer.WriteString("associationToken", claims.AssociationToken);
        }
    });

    /// <summary>An association token (spec 3.7): <paramref name="identity"/> vouches for the app key <paramref name="childPublicKeyHex"/>.</summary>
    public static string AssociationToken(BucketKey identity, string childPublicKeyHex, double issuedAt, double expires) => Sign(identity, writer =>
    {
        writer.WriteString("childToAssociate", childPublicKeyHex);
        writer.WriteString("iss", identity.PublicKeyHex);
        WriteTime(writer, "exp", expires);
        WriteTime(writer, "iat", issuedAt);
        writer.WriteString("salt", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    });

    /// <summary>A compact JWT over any payload JSON (UTF-8), signed by <paramref name="key"/>.</summary>
    public static string SignJwt(BucketKey key, ReadOnlySpan<byte> payloadJson)
    {
        var signingInput = Header + "." + Base64Url.EncodeToString(payloadJson);
        return signingInput + "." + Base64Url.EncodeToString(key.Sign(SHA256.HashData(Encoding.ASCII.GetBytes(signingInput))));
    }

    /// <summary>A legacy token (spec 3.4): base64 of <c>{"publickey", "signature"}</c>, a DER signature over the challenge text.</summary>
    public static string LegacyToken(BucketKey key, string challenge)
    {
        var signature = Secp256k1.ToDer(key.Sign(SHA256.HashData(Encoding.UTF8.GetBytes(challenge))));
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new LegacyTokenBody(key.PublicKeyHex, Convert.ToHexStringLower(signature)), GaiaAuthJson.Default.LegacyTokenBody);
        return Convert.ToBase64String(body);
    }

    /// <summary>The payload of a compact JWT, or null when it is not one.</summary>
    public static JsonElement? TryReadPayload(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Sign(BucketKey key, Action<Utf8JsonWriter> writeClaims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writeClaims(writer);
            writer.WriteEndObject();
        }

        return SignJwt(key, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, double? seconds)
    {
        if (seconds is not { } value)
        {
            return;
        }

        if (value == Math.Floor(value) && Math.Abs(value) < long.MaxValue)
        {
            writer.WriteNumber(name, (long)value);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }
}
