using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gaia.Hub.Authentication;

namespace Gaia.Hub.Tests.Support;

/// <summary>Mints tokens the way jsontokens and @stacks/storage do, for tests.</summary>
internal static class TestTokens
{
    public const string ServerName = "test-server";

    /// <summary>An Authorization header value <c>bearer v1:…</c> signed by <paramref name="privateKeyHex"/>.</summary>
    /// <param name="claims">Extra or replaced claims; a null value removes the claim.</param>
    public static string Bearer(string privateKeyHex, object? claims = null, string serverName = ServerName) =>
        "bearer v1:" + Jwt(privateKeyHex, claims, serverName);

    public static string Jwt(string privateKeyHex, object? claims = null, string serverName = ServerName)
    {
        var payload = new Dictionary<string, object?>
        {
            ["gaiaChallenge"] = ChallengeText.For(serverName),
            ["iss"] = Convert.ToHexStringLower(Secp256k1.PublicKeyOf(Convert.FromHexString(privateKeyHex))),
            ["salt"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        if (claims is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(claims).EnumerateObject())
            {
                payload[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return Sign(privateKeyHex, payload.Where(p => p.Value is not null).ToDictionary());
    }

    /// <summary>An association token: <paramref name="identityKeyHex"/> vouches for <paramref name="childPublicKeyHex"/>.</summary>
    public static string Association(string identityKeyHex, string childPublicKeyHex, double? exp = null, object? overrides = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["childToAssociate"] = childPublicKeyHex,
            ["iss"] = Convert.ToHexStringLower(Secp256k1.PublicKeyOf(Convert.FromHexString(identityKeyHex))),
            ["exp"] = exp ?? DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds(),
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["salt"] = "bb",
        };
        if (overrides is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(overrides).EnumerateObject())
            {
                payload[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return Sign(identityKeyHex, payload.Where(p => p.Value is not null).ToDictionary());
    }

    /// <summary>A legacy token: base64 JSON with the public key and a DER signature over the challenge.</summary>
    public static string Legacy(string privateKeyHex, string challenge)
    {
        var key = Convert.FromHexString(privateKeyHex);
        var rs = Secp256k1.Sign(key, SHA256.HashData(Encoding.UTF8.GetBytes(challenge)));
        var body = JsonSerializer.Serialize(new
        {
            publickey = Convert.ToHexStringLower(Secp256k1.PublicKeyOf(key)),
            signature = Convert.ToHexStringLower(Der(rs.AsSpan(0, 32), rs.AsSpan(32))),
        });
        return "bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
    }

    private static string Sign(string privateKeyHex, Dictionary<string, object?> payload)
    {
        var header = Base64Url.EncodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"u8);
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Secp256k1.Sign(Convert.FromHexString(privateKeyHex), SHA256.HashData(Encoding.ASCII.GetBytes(header + "." + body)));
        return header + "." + body + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] Der(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        static byte[] Integer(ReadOnlySpan<byte> value)
        {
            var trimmed = value.TrimStart((byte)0);
            var bytes = (trimmed[0] & 0x80) != 0 ? [0, .. trimmed] : trimmed.ToArray();
            return [0x02, (byte)bytes.Length, .. bytes];
        }

        byte[] sequence = [.. Integer(r), .. Integer(s)];
        return [0x30, (byte)sequence.Length, .. sequence];
    }
}
