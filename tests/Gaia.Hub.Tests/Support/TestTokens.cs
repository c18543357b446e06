using System.Text.Json;

namespace Gaia.Hub.Tests.Support;

/// <summary>Mints tokens the way jsontokens and @stacks/storage do, for tests, with Gaia.Protocol's <see cref="TokenSigner"/>.</summary>
internal static class TestTokens
{
    public const string ServerName = "test-server";

    /// <summary>An Authorization header value <c>bearer v1:…</c> signed by <paramref name="privateKeyHex"/>.</summary>
    /// <param name="claims">Extra or replaced claims; a null value removes the claim.</param>
    public static string Bearer(string privateKeyHex, object? claims = null, string serverName = ServerName) =>
        "bearer v1:" + Jwt(privateKeyHex, claims, serverName);

    public static string Jwt(string privateKeyHex, object? claims = null, string serverName = ServerName)
    {
        var key = BucketKey.Parse(privateKeyHex);
        var payload = new Dictionary<string, object?>
        {
            ["gaiaChallenge"] = ChallengeText.For(serverName),
            ["iss"] = key.PublicKeyHex,
            ["salt"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        };
        return Sign(key, payload, claims);
    }

    /// <summary>An association token: <paramref name="identityKeyHex"/> vouches for <paramref name="childPublicKeyHex"/>.</summary>
    public static string Association(string identityKeyHex, string childPublicKeyHex, double? exp = null, object? overrides = null)
    {
        var key = BucketKey.Parse(identityKeyHex);
        var payload = new Dictionary<string, object?>
        {
            ["childToAssociate"] = childPublicKeyHex,
            ["iss"] = key.PublicKeyHex,
            ["exp"] = exp ?? DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds(),
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["salt"] = "bb",
        };
        return Sign(key, payload, overrides);
    }

    /// <summary>A legacy token: base64 JSON with the public key and a DER signature over the challenge.</summary>
    public static string Legacy(string privateKeyHex, string challenge) =>
        "bearer " + TokenSigner.LegacyToken(BucketKey.Parse(privateKeyHex), challenge);

    private static string Sign(BucketKey key, Dictionary<string, object?> payload, object? overrides)
    {
        if (overrides is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(overrides).EnumerateObject())
            {
                payload[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return TokenSigner.SignJwt(key, JsonSerializer.SerializeToUtf8Bytes(payload.Where(p => p.Value is not null).ToDictionary()));
    }
}
