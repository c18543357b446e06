using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
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
        var key = Secp256k1.NewPrivateKey();
        var publicKey = Secp256k1.PublicKeyOf(key);
        var payload = new Dictionary<string, string>
        {
            ["gaiaChallenge"] = ChallengeText.For(ServerName),
            ["hubUrl"] = HubUrl,
            ["iss"] = Convert.ToHexStringLower(publicKey),
            ["salt"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        var header = Base64Url.EncodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"u8);
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = Secp256k1.Sign(key, SHA256.HashData(Encoding.ASCII.GetBytes(header + "." + body)));
        return ("v1:" + header + "." + body + "." + Base64Url.EncodeToString(signature),
            BitcoinAddress.FromCompressedKey(publicKey), Convert.ToHexStringLower(publicKey));
    }
}
