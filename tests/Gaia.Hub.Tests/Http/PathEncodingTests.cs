using System.Net;

namespace Gaia.Hub.Tests.Http;

/// <summary>Spec 1.1: file names are taken from the raw request target, percent-decoded exactly once.</summary>
public sealed class PathEncodingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APercentSignInANameRoundTripsOnKestrelAndInProcess(bool onLoopback)
    {
        const string name = "100%25 sure/%41%zz.txt";
        await using var app = onLoopback ? HubApplication.StartOnLoopback() : new HubApplication();
        using var client = onLoopback ? app.CreateLoopbackClient() : app.CreateClient();
        var token = HubRequests.OwnerToken();

        var (publicUrl, _) = await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(name, "abc"u8.ToArray(), token), Ct));
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/{HubRequests.Escape(name)}", UriKind.Relative), Ct);
        var list = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles("{}", token), Ct), HttpStatusCode.Accepted);

        Assert.EndsWith($"/read/{HubRequests.Owner}/{name}", publicUrl, StringComparison.Ordinal);
        Assert.Equal("abc"u8.ToArray(), await read.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal([name], list.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/store/{0}/foo/", "foo")]
    [InlineData("/store/{0}/a%2Fb.txt", "a/b.txt")]
    [InlineData("/store/{0}/a+b.txt?ignored=1", "a+b.txt")]
    [InlineData("/store/{0}//foo/bar", "/foo/bar")]
    public async Task TheFileNameIsTheDecodedRawPathWithOneTrailingSlashRemoved(string target, string expectedName)
    {
        await using var app = HubApplication.StartOnLoopback();

        var response = await RawHttp.SendAsync(app.ServerAddress, "POST", string.Format(null, target, HubRequests.Owner),
            new Dictionary<string, string> { ["Authorization"] = HubRequests.OwnerToken() }, "data"u8.ToArray());

        Assert.Equal(202, response.Status);
        Assert.Equal($"http://hub.test/read/{HubRequests.Owner}/{expectedName}", response.Json().GetProperty("publicURL").GetString());
    }

    [Theory]
    [InlineData("/read/{0}/../{0}/a.txt", 403, "BadPathError")]
    [InlineData("/read/{0}/%2E%2E/{0}/a.txt", 403, "BadPathError")]
    [InlineData("/read/.gaia-metadata/{0}/a.txt", 404, "NotFound")]
    [InlineData("/read/{0}/dir", 404, "DoesNotExist")]
    public async Task AReadOutsideTheBucketOrOfADirectoryIsRefused(string target, int status, string error)
    {
        await using var app = HubApplication.StartOnLoopback();
        using var client = app.CreateLoopbackClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken()), Ct));
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("dir/b.txt", [1], HubRequests.OwnerToken()), Ct));

        var response = await RawHttp.SendAsync(app.ServerAddress, "GET", string.Format(null, target, HubRequests.Owner));

        Assert.Equal(status, response.Status);
        HubAssert.ErrorBody(response.Json(), error);
        Assert.Equal("*", response.Headers["Access-Control-Allow-Origin"]);
    }

    [Fact]
    public async Task TheRevocationTimestampIsReadableUnderTheAuthBucketAsSpecSection8Requires()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll("{\"oldestValidTimestamp\":1700000000}", HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);

        using var response = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}-auth/authTimestamp", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1700000000", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("no-cache", HubAssert.Header(response, "Cache-Control"));
    }
}
