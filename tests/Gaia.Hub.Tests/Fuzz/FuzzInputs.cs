using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Fuzz;

/// <summary>Generators of hostile requests: garbage addresses, paths, tokens, claims, headers and bodies, at every route.</summary>
internal static class FuzzInputs
{
    public static readonly string Victim = TestKeys.Address0;

    public static Gen<FuzzRequest> Requests =>
        from route in Gen.Elements("store", "delete", "list-files", "revoke-all", "read", "auth", "hub_info", "other")
        from method in Gen.Frequency((6, Gen.Constant(Default(route))), (1, Gen.Elements("GET", "HEAD", "POST", "DELETE", "PUT", "PATCH", "OPTIONS")))
        from address in Addresses
        from path in Paths
        from authorization in Authorizations
        from contentType in Gen.OneOf(Gen.Constant<string?>(null), Printable(1, 40).Select(s => (string?)s), Gen.Constant<string?>(new string('t', 1100)))
        from condition in Conditions
        from range in Gen.Elements<string?>(null, "bytes=0-", "bytes=-5", "bytes=9-2", "bytes=x", "bytes=0-1,3-4", "bytes=99999999999999999999-")
        from body in Bodies
        from chunked in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("ffffffffffffffffff", "80000000", "zz", "-1", "5;ext=\"x")))
        select new FuzzRequest(method, Target(route, address, path), Headers(authorization, contentType, condition, range), body, chunked);

    private static string Default(string route) => route switch
    {
        "store" or "list-files" or "revoke-all" => "POST",
        "delete" => "DELETE",
        _ => "GET",
    };

    private static string Target(string route, string address, string path) => route switch
    {
        "hub_info" => "/hub_info",
        "other" => "/" + path,
        "auth" => $"/read/{address}-auth/authTimestamp",
        "list-files" or "revoke-all" => $"/{route}/{address}",
        _ => $"/{route}/{address}/{path}",
    };

    private static Gen<string> Addresses => Gen.OneOf(
        Gen.Constant(Victim),
        Gen.Constant(TestKeys.Address1),
        Gen.Constant(new string('a', 256)),
        Gen.Constant(new string('b', 65)),
        Gen.Constant("%31%41"),
        Alphanumeric(1, 40),
        Encoded(1, 12));

    private static Gen<string> Paths => Gen.OneOf(
        Gen.Elements("a.txt", "dir/b.json", "victim.txt", "..", "a/../victim.txt", "%2e%2e/x", "%", "%zz", "%ff%fe", "a%5cb", "a//b/", ".history.1.x.victim.txt"),
        Gen.Constant(new string('a', 256)),
        Gen.Constant(string.Concat(Enumerable.Repeat("%E3%81%82", 86))),
        Gen.Constant(string.Join('/', Enumerable.Repeat("s", 120))),
        ArrayOf(Gen.OneOf(Alphanumeric(1, 20), Encoded(1, 30)), 1, 6).Select(segments => string.Join('/', segments)));

    private static Gen<string?> Authorizations => Gen.OneOf(
        Gen.Constant<string?>(null),
        Printable(0, 60).Select(s => (string?)("bearer " + s)),
        Gen.Constant<string?>("bearer v1:e30.eyJpc3MiOiJcdWQ4MDAifQ.AA"),
        Jwts.Select(jwt => (string?)("bearer v1:" + jwt)),
        Json.Select(json => (string?)("bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)))),
        Gen.Constant<string?>(TestTokens.Bearer(TestKeys.Key1)),
        Gen.Constant<string?>(TestTokens.Bearer(TestKeys.Key1, new { iss = TestKeys.PublicKey0 })),
        Gen.Constant<string?>(TestTokens.Bearer(TestKeys.Key1, new { associationToken = "v1:garbage", scopes = new[] { new { scope = "putFile", domain = "\ud800" } } })));

    /// <summary>Unsigned or wrongly signed JWTs whose header and payload are generated JSON, garbage claims included.</summary>
    private static Gen<string> Jwts =>
        from header in Gen.OneOf(Gen.Constant("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"), Json)
        from payload in Gen.OneOf(Json, Claims)
        from signature in ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 0, 70)
        select $"{B64(Encoding.UTF8.GetBytes(header))}.{B64(Encoding.UTF8.GetBytes(payload))}.{B64(signature)}";

    private static Gen<string> Claims =>
        from claim in Gen.Elements("iss", "gaiaChallenge", "hubUrl", "exp", "iat", "scopes", "associationToken", "salt")
        from value in JsonValues
        select $"{{\"iss\":\"{TestKeys.PublicKey0}\",\"{claim}\":{value}}}";

    private static Gen<string> Json => Gen.OneOf(
        JsonValues,
        from key in Gen.Elements("page", "stat", "prefix", "oldestValidTimestamp", "\\ud800", "")
        from value in JsonValues
        select $"{{\"{key}\":{value}}}");

    private static Gen<string> JsonValues => Gen.Elements(
        "\"\\ud800\"", "\"a\\udc00\"", "\"\\u0000\"", "1e400", "-1", "253402300800", "1.5", "null", "true", "[]", "{}", "[{\"scope\":\"putFile\",\"domain\":\"\\ud800\"}]",
        "\"\"", "\"x\"", "\"2030-01-01\"", "\"v1:e30.e30.AA\"", "[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]", "\"" + new string('x', 3000) + "\"");

    private static Gen<(string? IfMatch, string? IfNoneMatch)> Conditions => Gen.Elements<(string?, string?)>(
        (null, null), ("*", null), (null, "*"), ("\"abc\"", null), (null, "abc"), ("a", "*"), (new string('e', 300), null));

    private static Gen<byte[]> Bodies => Gen.OneOf(
        Gen.Constant(Array.Empty<byte>()),
        Json.Select(Encoding.UTF8.GetBytes),
        Gen.Constant<byte[]>([.. "{\"page\":\""u8, 0xff, 0xfe, .. "\"}"u8]),
        ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 0, 300),
        Gen.Constant(new byte[5000]));

    private static Gen<string> Alphanumeric(int min, int max) =>
        ArrayOf(Gen.Elements("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789".ToCharArray()), min, max).Select(c => new string(c));

    /// <summary>
    /// Percent-encoded random bytes: any UTF-8, or none. Not NUL: Kestrel itself refuses a path that decodes to one, with
    /// its own bare 400, before the hub sees the request.
    /// </summary>
    private static Gen<string> Encoded(int min, int max) =>
        ArrayOf(Gen.Choose(1, 255), min, max).Select(bytes => string.Concat(bytes.Select(b => $"%{b:X2}")));

    private static Gen<string> Printable(int min, int max) =>
        ArrayOf(Gen.Choose(0x21, 0x7e).Select(c => (char)c), min, max).Select(c => new string(c));

    private static List<(string Name, string Value)> Headers(string? authorization, string? contentType, (string? IfMatch, string? IfNoneMatch) condition, string? range) =>
        new (string Name, string? Value)[]
        {
            ("Authorization", authorization), ("Content-Type", contentType), ("If-Match", condition.IfMatch),
            ("If-None-Match", condition.IfNoneMatch), ("Range", range),
        }.Where(h => h.Value is not null).Select(h => (h.Name, h.Value!)).ToList();

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> values of <paramref name="gen"/>.</summary>
    private static Gen<T[]> ArrayOf<T>(Gen<T> gen, int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(gen, n));

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
