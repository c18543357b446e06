using System.Net;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>Spec 1.3, the 401 rows: every way a token can fail, on every endpoint it applies to.</summary>
public sealed partial class StatusCodeTableTests
{
    private static readonly string[] Endpoints = ["store", "delete", "list-files", "revoke-all"];

    private static readonly string[] Failures =
    [
        "missing header", "not a bearer header", "unparseable token", "unsupported version", "bad signature", "wrong address",
        "wrong challenge", "expired", "bad hubUrl", "missing hubUrl", "unknown scope", "too many scopes", "not whitelisted",
    ];

    public static TheoryData<string, string> EveryEndpointAndFailure => [.. Endpoints.SelectMany(e => Failures.Select(f => (e, f)))];

    [Theory]
    [MemberData(nameof(EveryEndpointAndFailure))]
    public async Task ABadTokenIsRefusedWith401ValidationError(string endpoint, string failure)
    {
        var (settings, authorization) = TokenThatFails(failure);
        await using var app = new HubApplication(settings);
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(RequestTo(endpoint, authorization), Ct), HttpStatusCode.Unauthorized, "ValidationError");
    }

    [Theory]
    [InlineData("store", "putFile")]
    [InlineData("store", "putFilePrefix")]
    [InlineData("store", "putFileArchival")]
    [InlineData("delete", "deleteFile")]
    [InlineData("delete", "deleteFilePrefix")]
    [InlineData("delete", "putFileArchivalPrefix")]
    public async Task APathOutsideTheTokensScopesIsRefusedWith401ValidationError(string endpoint, string scope)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("target.txt", [1], HubRequests.OwnerToken()), Ct));
        var scoped = TestTokens.Bearer(TestKeys.Key0, new { scopes = new[] { new { scope, domain = "allowed/" } } });

        await HubAssert.ErrorAsync(await client.SendAsync(RequestTo(endpoint, scoped), Ct), HttpStatusCode.Unauthorized, "ValidationError");
    }

    [Theory]
    [InlineData("https://hub.test")]
    [InlineData("https://hub.test/")]
    [InlineData("https://test-server")]
    public async Task AHubUrlInTheValidSetIsAcceptedWhenTheHubRequiresOne(string hubUrl)
    {
        await using var app = new HubApplication(HubUrlSettings);
        using var client = app.CreateClient();

        await HubAssert.StoredAsync(await client.SendAsync(RequestTo("store", TestTokens.Bearer(TestKeys.Key0, new { hubUrl })), Ct));
    }

    [Theory]
    [InlineData("store")]
    [InlineData("delete")]
    [InlineData("list-files")]
    public async Task AfterRevokeAllATokenIssuedEarlierGets401AuthTokenTimestampValidationError(string endpoint)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var oldToken = HubRequests.OwnerToken();
        var cutoff = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000;
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("target.txt", [1], oldToken), Ct));
        await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{cutoff}}}", oldToken), Ct), HttpStatusCode.Accepted);

        await HubAssert.ErrorAsync(await client.SendAsync(RequestTo(endpoint, oldToken), Ct),
            HttpStatusCode.Unauthorized, "AuthTokenTimestampValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(RequestTo(endpoint, TestTokens.Bearer(TestKeys.Key0, new { iat = cutoff - 1 })), Ct),
            HttpStatusCode.Unauthorized, "AuthTokenTimestampValidationError");
        var fresh = await client.SendAsync(RequestTo(endpoint, TestTokens.Bearer(TestKeys.Key0, new { iat = cutoff })), Ct);
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
    }

    [Fact]
    public async Task RevokeAllItselfStillAcceptsARevokedToken()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var oldToken = HubRequests.OwnerToken();
        var cutoff = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000;
        await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{cutoff}}}", oldToken), Ct), HttpStatusCode.Accepted);

        var again = await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{cutoff + 1}}}", oldToken), Ct), HttpStatusCode.Accepted);

        Assert.Equal("success", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ALegacyTokenIsImmuneToRevocation()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var cutoff = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000;
        await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{cutoff}}}", HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);

        var legacy = TestTokens.Legacy(TestKeys.Key0, "[\"gaiahub\",\"2018\",\"test-server\",\"blockstack_storage_please_sign\"]");
        await HubAssert.StoredAsync(await client.SendAsync(RequestTo("store", legacy), Ct));
    }

    private static Dictionary<string, string?> HubUrlSettings => new()
    {
        ["Gaia:RequireCorrectHubUrl"] = "true",
        ["Gaia:ValidHubUrls:0"] = "https://hub.test",
    };

    private static (Dictionary<string, string?> Settings, string? Authorization) TokenThatFails(string failure)
    {
        var expired = new { exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60 };
        var unknownScope = new { scopes = new[] { new { scope = "writeEverything", domain = "x" } } };
        var manyScopes = new { scopes = Enumerable.Range(0, 9).Select(i => new { scope = "putFile", domain = $"f{i}" }).ToArray() };
        return failure switch
        {
            "missing header" => ([], null),
            "not a bearer header" => ([], "Basic " + Convert.ToBase64String("user:password"u8)),
            "unparseable token" => ([], "bearer v1:not-a-jwt"),
            "unsupported version" => ([], "bearer v2:" + TestTokens.Jwt(TestKeys.Key0)),
            "bad signature" => ([], TestTokens.Bearer(TestKeys.Key1, new { iss = TestKeys.PublicKey0 })),
            "wrong address" => ([], TestTokens.Bearer(TestKeys.Key1)),
            "wrong challenge" => ([], TestTokens.Bearer(TestKeys.Key0, serverName: "other-server")),
            "expired" => ([], TestTokens.Bearer(TestKeys.Key0, expired)),
            "bad hubUrl" => (HubUrlSettings, TestTokens.Bearer(TestKeys.Key0, new { hubUrl = "https://evil.test" })),
            "missing hubUrl" => (HubUrlSettings, TestTokens.Bearer(TestKeys.Key0)),
            "unknown scope" => ([], TestTokens.Bearer(TestKeys.Key0, unknownScope)),
            "too many scopes" => ([], TestTokens.Bearer(TestKeys.Key0, manyScopes)),
            "not whitelisted" => (new() { ["Gaia:Whitelist:0"] = TestKeys.Address1 }, HubRequests.OwnerToken()),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
        };
    }

    /// <summary>A request that would succeed on a bucket holding target.txt, given a good token.</summary>
    private static HttpRequestMessage RequestTo(string endpoint, string? authorization) => endpoint switch
    {
        "store" => HubRequests.Store("target.txt", "new"u8.ToArray(), authorization),
        "delete" => HubRequests.Delete("target.txt", authorization),
        "list-files" => HubRequests.ListFiles("{\"page\":null}", authorization),
        "revoke-all" => HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}", authorization),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
