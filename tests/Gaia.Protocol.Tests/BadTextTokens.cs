using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Protocol.Tests;

/// <summary>
/// Tokens whose JSON holds text that is not valid Unicode (lone surrogate escapes, bytes that are not UTF-8) in every
/// part a token has, correctly signed by key 0 unless said otherwise. Each must be refused as a token error.
/// </summary>
public static class BadTextTokens
{
    public const string ServerName = "test-server";

    /// <summary>The example of issue 12: header <c>{}</c>, payload <c>{"iss":"\ud800"}</c>, a one-byte signature.</summary>
    public const string Unsigned = "v1:e30.eyJpc3MiOiJcdWQ4MDAifQ.AA";

    private static readonly BucketKey Key0 = BucketKey.Parse(TestKeys.Key0);
    private static readonly BucketKey Key1 = BucketKey.Parse(TestKeys.Key1);

    public static TheoryData<string> Names => new(Cases.Keys);

    /// <summary>Every case by name: the whole text after <c>bearer </c>.</summary>
    public static IReadOnlyDictionary<string, string> Cases { get; } = new Dictionary<string, string>
    {
        ["unsigned iss"] = Unsigned,
        ["iss"] = Jwt("{\"gaiaChallenge\":\"c\",\"iss\":\"\\ud800\""u8),
        ["gaiaChallenge"] = Jwt(Payload("\"gaiaChallenge\":\"\\ud800\"")),
        ["hubUrl"] = Jwt(Payload("\"hubUrl\":\"https://\\udc00\"")),
        ["gaiaHubUrl"] = Jwt(Payload("\"gaiaHubUrl\":\"\\ud800\\u0041\"")),
        ["exp"] = Jwt(Payload("\"exp\":\"\\ud800\"")),
        ["iat"] = Jwt(Payload("\"iat\":\"1\\udfff\"")),
        ["scope"] = Jwt(Payload("\"scopes\":[{\"scope\":\"\\ud800\",\"domain\":\"a\"}]")),
        ["domain"] = Jwt(Payload("\"scopes\":[{\"scope\":\"putFile\",\"domain\":\"\\ud800\"}]")),
        ["scope entry name"] = Jwt(Payload("\"scopes\":[{\"scope\":\"putFile\",\"domain\":\"a\",\"\\ud800\":1}]")),
        ["unknown claim"] = Jwt(Payload("\"salt\":\"\\ud800\"")),
        ["nested unknown claim"] = Jwt(Payload("\"x\":{\"y\":[1,{\"z\":\"\\udbff\"}]}")),
        ["claim name"] = Jwt(Payload("\"\\ud800\":1")),
        ["raw 0xff in a claim"] = Jwt([.. Payload("\"salt\":\"a"), 0xff, .. "\""u8]),
        ["raw 0xff in a name"] = Jwt([.. Payload("\""), 0xff, .. "\":1"u8]),
        ["truncated UTF-8"] = Jwt([.. Payload("\"salt\":\"a"), 0xc3, .. "\""u8]),
        ["header"] = Jwt(Payload(""), "{\"typ\":\"JWT\",\"alg\":\"\\ud800\"}"u8),
        ["raw 0xff in the header"] = Jwt(Payload(""), [.. "{\"typ\":\""u8, 0xff, .. "\"}"u8]),
        ["association childToAssociate"] = Jwt(Payload($"\"associationToken\":\"{Association("\"childToAssociate\":\"\\ud800\"")}\"")),
        ["association unknown claim"] = Jwt(Payload($"\"associationToken\":\"{Association($"\"childToAssociate\":\"{TestKeys.PublicKey0}\",\"salt\":\"\\udc00\"")}\"")),
        ["association token text"] = Jwt(Payload("\"associationToken\":\"a.b\\ud800.c\"")),
        ["legacy publickey"] = Legacy("{\"publickey\":\"\\ud800\",\"signature\":\"30\"}"u8),
        ["legacy raw 0xff"] = Legacy([.. "{\"publickey\":\""u8, 0xff, .. "\",\"signature\":\"30\"}"u8]),
    };

    /// <summary>The start of a payload (no closing brace) with a good challenge and iss, plus <paramref name="extra"/> members.</summary>
    public static byte[] Payload(string extra) => Encoding.UTF8.GetBytes(
        $"{{\"gaiaChallenge\":{System.Text.Json.JsonSerializer.Serialize(ChallengeText.For(ServerName))},\"iss\":\"{TestKeys.PublicKey0}\""
        + (extra.Length > 0 ? "," + extra : ""));

    private static string Jwt(ReadOnlySpan<byte> payload) => "v1:" + TokenSigner.SignJwt(Key0, Close(payload));

    private static string Jwt(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> header)
    {
        var jwt = TokenSigner.SignJwt(Key0, Close(payload)).Split('.');
        var signedInput = System.Buffers.Text.Base64Url.EncodeToString(header) + "." + jwt[1];
        var signature = Key0.Sign(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(signedInput)));
        return "v1:" + signedInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static string Association(string members) =>
        TokenSigner.SignJwt(Key1, Encoding.UTF8.GetBytes($"{{\"iss\":\"{TestKeys.PublicKey1}\",\"exp\":4102444800,{members}}}"));

    private static string Legacy(ReadOnlySpan<byte> json) => Convert.ToBase64String(json);

    private static byte[] Close(ReadOnlySpan<byte> payload) => [.. payload, (byte)'}'];
}
