using System.Net;
using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>Malformed input of every kind gets a JSON 4xx with CORS headers, never a 500 (issue 11).</summary>
public sealed class MalformedInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(256)]
    [InlineData(300)]
    public async Task AReadOfABucketNameTooLongForAnAddressIsNotFound(int length)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var name = new string('a', length);

        await HubAssert.ErrorAsync(await client.GetAsync(new Uri($"/read/{name}/x", UriKind.Relative), Ct), HttpStatusCode.NotFound, "NotFound");
        await HubAssert.ErrorAsync(await client.GetAsync(new Uri($"/read/{name}-auth/authTimestamp", UriKind.Relative), Ct),
            HttpStatusCode.NotFound, "NotFound");
    }

    public static TheoryData<string> LongSegments => [new string('a', 256), new string('あ', 86), "dir/" + new string('b', 300) + "/x"];

    [Theory]
    [MemberData(nameof(LongSegments))]
    public async Task AFileNameWithASegmentOver255BytesIsABadPathForEveryRoute(string path)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, [1], token), Ct), HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, [1], token).WithHeader("If-Match", "abc"), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, [1], token).WithHeader("If-None-Match", "*"), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete(path, token), Ct), HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/{HubRequests.Escape(path)}", UriKind.Relative), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
    }

    [Theory]
    [InlineData(255, 'a')]
    [InlineData(85, '\u3042')]
    public async Task AFileNameWithASegmentOfExactly255BytesIsStoredReadAndDeleted(int count, char c)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var path = "dir/" + new string(c, count);

        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(path, [7], token), Ct));
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/{HubRequests.Escape(path)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([7], await read.Content.ReadAsByteArrayAsync(Ct));
        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete(path, token), Ct));
    }

    [Theory]
    [InlineData("list-files", "{\"page\":\"\\ud800\"}")]
    [InlineData("list-files", "{\"prefix\":\"a\\udfffb\"}")]
    [InlineData("revoke-all", "{\"oldestValidTimestamp\":\"\\ud800\"}")]
    [InlineData("revoke-all", "{\"\\ud800\":1,\"oldestValidTimestamp\":1}")]
    public async Task ABodyStringThatIsNotUnicodeIsInvalidInputWithOrWithoutAToken(string route, string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        foreach (var token in new[] { null, HubRequests.OwnerToken() })
        {
            var request = route == "list-files" ? HubRequests.ListFiles(json, token) : HubRequests.RevokeAll(json, token);
            await HubAssert.ErrorAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest, "InvalidInputError");
        }
    }

    [Fact]
    public async Task ABodyWithARawByteThatIsNotUtf8IsInvalidInput()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        using var request = HubRequests.ListFiles(null, HubRequests.OwnerToken());
        request.Content = new ByteArrayContent([.. "{\"page\":\""u8, 0xff, .. "\"}"u8]);

        await HubAssert.ErrorAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Theory]
    [InlineData("ffffffffffffffffff")]
    [InlineData("80000000")]
    [InlineData("zz")]
    public async Task AChunkSizeTheServerCannotReadIsABadRequestAndStoresNothing(string chunkSize)
    {
        await using var app = HubApplication.StartOnLoopback();
        var head = $"POST /store/{HubRequests.Owner}/chunked.bin HTTP/1.1\r\nHost: {app.ServerAddress.Authority}\r\n" +
            $"Authorization: {HubRequests.OwnerToken()}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunkSize}\r\nabc\r\n";

        var response = await RawHttp.SendBytesAsync(app.ServerAddress, Encoding.ASCII.GetBytes(head));

        Assert.Equal(400, response.Status);
        Assert.Equal("*", response.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
        HubAssert.ErrorBody(response.Json(), "InvalidInputError");
        using var client = app.CreateLoopbackClient();
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/chunked.bin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(app.TempFiles);
    }

    [Theory]
    [InlineData("\"not-a-page\"")]
    [InlineData("\"abc!!\"")]
    [InlineData("123")]
    [InlineData("\"AQAAAAAAAAAA\"")]
    public async Task AListingPageTokenTheHubDidNotIssueIsInvalidInput(string page)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.ListFiles($"{{\"page\":{page}}}", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Fact]
    public async Task APageTokenOfAnotherBucketOrPrefixIsInvalidInput()
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PageSize"] = "1" });
        using var client = app.CreateClient();
        foreach (var name in new[] { "a1", "a2", "a3" })
        {
            await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(name, [1], HubRequests.OwnerToken()), Ct));
        }

        var first = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles("{\"prefix\":\"a\"}", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.Accepted);
        var page = first.GetProperty("page").GetString();
        var other = TestTokens.Bearer(TestKeys.Key1);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.ListFiles($"{{\"page\":\"{page}\"}}", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
        await HubAssert.ErrorAsync(await client.SendAsync(
            HubRequests.ListFiles($"{{\"page\":\"{page}\",\"prefix\":\"a\"}}", other, TestKeys.Address1), Ct), HttpStatusCode.BadRequest, "InvalidInputError");
        var second = await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.ListFiles($"{{\"page\":\"{page}\",\"prefix\":\"a\"}}", HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);
        Assert.Equal("a2", Assert.Single(second.GetProperty("entries").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task AConflictWithAnExistingFileNamesNoServerPath()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("f1", [1], HubRequests.OwnerToken()), Ct));

        var body = await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("f1/sub", [2], HubRequests.OwnerToken()), Ct),
            HttpStatusCode.Conflict, "ConflictError");

        var message = body.GetProperty("message").GetString()!;
        Assert.DoesNotContain(app.DiskRoot, message, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestTargetOverTheHubsLimitIs414AsJson()
    {
        await using var app = HubApplication.StartOnLoopback();
        var target = $"/read/{HubRequests.Owner}/{new string('x', 9000)}";

        var response = await RawHttp.SendAsync(app.ServerAddress, "GET", target);

        Assert.Equal(414, response.Status);
        Assert.Equal("*", response.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
        HubAssert.ErrorBody(response.Json(), "UriTooLongError");
    }

    [Fact]
    public async Task HeadersOverTheHubsLimitAre431AsJson()
    {
        await using var app = HubApplication.StartOnLoopback();
        var headers = Enumerable.Range(0, 5).ToDictionary(i => $"X-Padding-{i}", _ => new string('p', 8000));

        var response = await RawHttp.SendAsync(app.ServerAddress, "GET", "/hub_info", headers);

        Assert.Equal(431, response.Status);
        Assert.Equal("*", response.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
        HubAssert.ErrorBody(response.Json(), "HeadersTooLargeError");
    }
}
