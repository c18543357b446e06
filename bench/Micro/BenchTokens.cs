using System.Text.Json;
using Gaia.Protocol;

namespace Gaia.Bench.Micro;

/// <summary>A v1 token as @stacks/storage makes it (gaiaChallenge, hubUrl, iss, salt; ES256K compact JWS).</summary>
internal static class BenchTokens
{
    public const string ServerName = "gaia-0";
    public const string HubUrl = "http://127.0.0.1:3000";

    public static (string Token, string Address, string PublicKeyHex) Mint()
    {
        var key = BucketKey.New();
        var payload = new Dictionary<string, string>
        {
            ["gaiaChallenge"] = ChallengeText.For(ServerName),
            ["hubUrl"] = HubUrl,
            ["iss"] = key.PublicKeyHex,
            ["salt"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        };
        return ("v1:" + TokenSigner.SignJwt(key, JsonSerializer.SerializeToUtf8Bytes(payload)), key.Address, key.PublicKeyHex);
    }
}
