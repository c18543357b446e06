using System.Net;
using System.Text.Json;

namespace Gaia.Hub.Tests.Http;

public sealed class HubInfoTests
{
    private const string ChallengeText = "[\"gaiahub\",\"0\",\"test-server\",\"blockstack_storage_please_sign\"]";

    [Theory]
    [InlineData("/hub_info")]
    [InlineData("/hub_info/")]
    [InlineData("/HUB_INFO")]
    public async Task HubInfoAnswersWithExactlyTheFourKeysInTheReferenceOrder(string path)
    {
        await using var app = new HubApplication();
        var body = await GetHubInfoAsync(app, path);

        Assert.Equal(["challenge_text", "latest_auth_version", "max_file_upload_size_megabytes", "read_url_prefix"], HubAssert.Keys(body));
        Assert.Equal(ChallengeText, body.GetProperty("challenge_text").GetString());
        Assert.Equal("v1", body.GetProperty("latest_auth_version").GetString());
        Assert.Equal(20, body.GetProperty("max_file_upload_size_megabytes").GetDouble());
        Assert.Equal("http://hub.test/read/", body.GetProperty("read_url_prefix").GetString());
    }

    [Fact]
    public async Task HeadOnHubInfoAnswersLikeGetWithoutABody()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/hub_info", UriKind.Relative)),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", HubAssert.Header(response, "Content-Type"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheChallengeTextIsAStringHoldingJsonWithoutWhitespace()
    {
        await using var app = new HubApplication();
        var body = await GetHubInfoAsync(app, "/hub_info");

        var challenge = JsonSerializer.Deserialize<string[]>(body.GetProperty("challenge_text").GetString()!)!;
        Assert.Equal(["gaiahub", "0", "test-server", "blockstack_storage_please_sign"], challenge);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0.00005", 0.00005)]
    [InlineData("2.5", 2.5)]
    public async Task TheUploadLimitIsReportedAsConfiguredIncludingFractions(string setting, double expected)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = setting });
        var body = await GetHubInfoAsync(app, "/hub_info/");

        Assert.Equal(expected, body.GetProperty("max_file_upload_size_megabytes").GetDouble());
    }

    [Theory]
    [InlineData("https://cdn.test/gaia", "https://cdn.test/gaia/")]
    [InlineData("https://cdn.test/gaia/", "https://cdn.test/gaia/")]
    [InlineData("https://reader.test", "https://reader.test/")]
    public async Task AConfiguredReadUrlIsReportedWithExactlyOneTrailingSlash(string readUrl, string expected)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:ReadUrl"] = readUrl });
        var body = await GetHubInfoAsync(app, "/hub_info");

        Assert.Equal(expected, body.GetProperty("read_url_prefix").GetString());
    }

    [Fact]
    public async Task AStoreAnswersWithAPublicUrlUnderTheAdvertisedReadPrefix()
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:ReadUrl"] = "https://cdn.test/gaia" });
        using var client = app.CreateClient();

        var (publicUrl, _) = await HubAssert.StoredAsync(await client.SendAsync(
            HubRequests.Store("dir/a.txt", [1], HubRequests.OwnerToken()), TestContext.Current.CancellationToken));

        Assert.Equal($"https://cdn.test/gaia/{HubRequests.Owner}/dir/a.txt", publicUrl);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:3000")]
    [InlineData("http://[::1]:3000")]
    [InlineData("http://dev.localhost")]
    public async Task WithoutAPublicUrlTheReadPrefixFollowsALoopbackRequestHost(string baseUrl)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PublicUrl"] = null });
        using var client = app.CreateClient(new() { BaseAddress = new Uri(baseUrl) });
        using var response = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await HubAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(baseUrl + "/read/", body.GetProperty("read_url_prefix").GetString());
    }

    [Theory]
    [InlineData("hub.example.com", "http://hub.example.com:8080")]
    [InlineData("*.example.com", "http://eu.hub.example.com")]
    [InlineData("*", "http://anything.test")]
    public async Task WithoutAPublicUrlAnAllowedHostSetsTheReadPrefix(string allowed, string baseUrl)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PublicUrl"] = null, ["Gaia:AllowedHosts:0"] = allowed });
        using var client = app.CreateClient(new() { BaseAddress = new Uri(baseUrl) });
        using var response = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await HubAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(baseUrl + "/read/", body.GetProperty("read_url_prefix").GetString());
    }

    [Theory]
    [InlineData("*.example.com", "http://evilexample.com")]
    [InlineData("*.example.com", "http://eu.evilexample.com")]
    [InlineData("hub.example.com", "http://hub.example.com.evil.test")]
    [InlineData("hub.example.com", "http://evillocalhost")]
    public async Task AnAllowedHostPatternDoesNotMatchAHostThatOnlyEndsWithItsText(string allowed, string baseUrl)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PublicUrl"] = null, ["Gaia:AllowedHosts:0"] = allowed });
        using var client = app.CreateClient(new() { BaseAddress = new Uri(baseUrl) });
        using var response = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), TestContext.Current.CancellationToken);

        await HubAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Fact]
    public async Task WithoutAPublicUrlAForgedHostIsRefusedAndNeverEchoed()
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PublicUrl"] = null, ["Gaia:AllowedHosts:0"] = "hub.example.com" });
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://evil.test") });
        var ct = TestContext.Current.CancellationToken;

        using var info = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), ct);
        await HubAssert.ErrorAsync(info, HttpStatusCode.BadRequest, "InvalidInputError");
        using var store = await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken()), ct);
        await HubAssert.ErrorAsync(store, HttpStatusCode.BadRequest, "InvalidInputError");
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/a.txt", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task WithAPublicUrlAnyHostIsServedWithThePublicUrl()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://evil.test") });
        using var response = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await HubAssert.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(HubApplication.PublicUrl + "/read/", body.GetProperty("read_url_prefix").GetString());
    }

    private static async Task<JsonElement> GetHubInfoAsync(HubApplication app, string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await HubAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
