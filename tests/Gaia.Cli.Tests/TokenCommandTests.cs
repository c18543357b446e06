using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia token</c> and <c>gaia token association</c>, checked by sending the tokens to a running hub.</summary>
public sealed class TokenCommandTests : IAsyncLifetime
{
    private LoopbackHub hub = null!;
    private HttpClient http = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk();
        http = new HttpClient { BaseAddress = new Uri(hub.Url) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task ATokenForTheHubCarriesItsChallengeUrlAndIssueTimeAndTheHubAcceptsIt()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var run = (await CliRunner.For(TestKeys.Key0).RunAsync("token", "--hub-url", hub.Url + "/", "--json")).Succeeded().Json;

        var payload = run.GetProperty("payload");
        Assert.Equal("[\"gaiahub\",\"0\",\"cli-test\",\"blockstack_storage_please_sign\"]", payload.GetProperty("gaiaChallenge").GetString());
        Assert.Equal(hub.Url, payload.GetProperty("hubUrl").GetString());
        Assert.Equal(TestKeys.PublicKey0, payload.GetProperty("iss").GetString());
        Assert.InRange(payload.GetProperty("iat").GetInt64(), before, before + 60);
        Assert.False(payload.TryGetProperty("exp", out _));
        Assert.Equal(TestKeys.Address0, run.GetProperty("address").GetString());
        Assert.Equal("bearer " + run.GetProperty("token").GetString(), run.GetProperty("authorization").GetString());
        Assert.Equal(HttpStatusCode.Accepted, await ListAsync(run.GetProperty("token").GetString()!));
    }

    [Fact]
    public async Task TheTextOutputIsJustTheTokenWithItsVersionPrefix()
    {
        var run = (await CliRunner.For(TestKeys.Key0).RunAsync("token", "--server-name", "cli-test")).Succeeded();

        var token = Assert.Single(run.Lines);
        Assert.Matches(@"^v1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$", token);
        Assert.Equal(HttpStatusCode.Accepted, await ListAsync(token));
    }

    [Fact]
    public async Task ExpiryIssueTimeAndScopesGoIntoThePayloadAsGiven()
    {
        var run = (await CliRunner.For(TestKeys.Key0).RunAsync("token", "--server-name", "elsewhere", "--exp", "4102444800",
            "--iat", "none", "--scope", "putFilePrefix:photos/", "--scope", "deleteFile:a:b.txt", "--json")).Succeeded().Json;

        var payload = run.GetProperty("payload");
        Assert.Equal(4102444800, payload.GetProperty("exp").GetInt64());
        Assert.False(payload.TryGetProperty("iat", out _));
        Assert.False(payload.TryGetProperty("hubUrl", out _));
        Assert.Contains("\"elsewhere\"", payload.GetProperty("gaiaChallenge").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            """[{"scope":"putFilePrefix","domain":"photos/"},{"scope":"deleteFile","domain":"a:b.txt"}]""",
            JsonSerializer.Serialize(payload.GetProperty("scopes")));
    }

    [Theory]
    [InlineData("2100-01-01T00:00:00Z", 4102444800)]
    [InlineData("2100-01-01", 4102444800)]
    [InlineData("4102444800.5", 4102444800.5)]
    public async Task AbsoluteExpiryTimesAreReadAsDatesOrUnixSeconds(string exp, double expected)
    {
        var run = (await CliRunner.For(TestKeys.Key0).RunAsync("token", "--server-name", "s", "--exp", exp, "--json")).Succeeded().Json;

        Assert.Equal(expected, run.GetProperty("payload").GetProperty("exp").GetDouble());
    }

    [Fact]
    public async Task TheHubEnforcesTheScopesAndTheExpiryOfTheToken()
    {
        var cli = CliRunner.For(TestKeys.Key0);
        var scoped = (await cli.RunAsync("token", "--hub-url", hub.Url, "--scope", "putFilePrefix:photos/")).Succeeded().Lines[0];
        var expired = (await cli.RunAsync("token", "--hub-url", hub.Url, "--exp", "-1h")).Succeeded().Lines[0];

        Assert.Equal(HttpStatusCode.Accepted, await StoreAsync(scoped, "photos/cat.jpg"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StoreAsync(scoped, "notes.txt"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StoreAsync(expired, "photos/cat.jpg"));
    }

    [Theory]
    [InlineData("--scope", "readFile:x", "unknown scope 'readFile'")]
    [InlineData("--scope", "putFile", "not of the form scope:domain")]
    [InlineData("--exp", "tomorrowish", "--exp 'tomorrowish' is not a time")]
    public async Task MalformedClaimsAreRefusedBeforeAnythingIsSigned(string option, string value, string message)
    {
        var run = await CliRunner.For(TestKeys.Key0).RunAsync("token", "--server-name", "s", option, value);

        Assert.Contains(message, run.FailedWith(2), StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task MoreThanEightScopesAreRefused()
    {
        var args = new List<string> { "token", "--server-name", "s" };
        args.AddRange(Enumerable.Range(0, 9).SelectMany(i => new[] { "--scope", $"putFile:f{i}" }));

        var run = await CliRunner.For(TestKeys.Key0).RunAsync([.. args]);

        Assert.Contains("at most 8 scopes", run.FailedWith(2), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> ListAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/list-files/{TestKeys.Address0}");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
        using var response = await http.SendAsync(request, Token);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> StoreAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/store/{TestKeys.Address0}/{path}")
        {
            Content = new ByteArrayContent("x"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } },
        };
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + token);
        using var response = await http.SendAsync(request, Token);
        return response.StatusCode;
    }
}
