using System.Net;
using System.Text;

namespace Gaia.Hub.Tests.Http;

public sealed class CorsTests
{
    [Theory]
    [InlineData("/store/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn/helloWorld")]
    [InlineData("/delete/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn/helloWorld")]
    [InlineData("/list-files/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn")]
    [InlineData("/hub_info/")]
    [InlineData("/no/such/route")]
    public async Task APreflightOnAnyPathIsAnswered204WithTheHubsCorsHeaders(string path)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.00005" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative))
            .WithHeader("Origin", "https://app.test")
            .WithHeader("Access-Control-Request-Method", "POST")
            .WithHeader("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("*", HubAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("DELETE,POST,GET,OPTIONS,HEAD", HubAssert.Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("86400", HubAssert.Header(response, "Access-Control-Max-Age"));
        var allowed = HubAssert.Header(response, "Access-Control-Allow-Headers")!.Split(',');
        Assert.Subset(allowed.ToHashSet(), new HashSet<string> { "Authorization", "Content-Type", "If-Match", "If-None-Match" });
        Assert.Null(HubAssert.Header(response, "Vary"));
    }

    [Fact]
    public async Task SuccessfulResponsesCarryTheWildcardOriginAndExposeTheETag()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var ct = TestContext.Current.CancellationToken;

        using var info = await client.GetAsync(new Uri("/hub_info", UriKind.Relative), ct);
        using var store = await client.SendAsync(HubRequests.Store("a.txt", "hello"u8.ToArray(), token), ct);
        var (publicUrl, _) = await HubAssert.StoredAsync(store);
        using var read = await client.GetAsync(new Uri(publicUrl), ct);
        using var list = await client.SendAsync(HubRequests.ListFiles("{}", token), ct);
        using var delete = await client.SendAsync(HubRequests.Delete("a.txt", token), ct);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.Accepted],
            new[] { info, store, read, list, delete }.Select(r => r.StatusCode));
        foreach (var response in new[] { info, store, read, list, delete })
        {
            AssertCors(response);
        }
    }

    [Fact]
    public async Task ErrorResponsesCarryTheWildcardOriginAndExposeTheETag()
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.0001" });
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var ct = TestContext.Current.CancellationToken;
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", "hello"u8.ToArray(), token), ct));

        using var unauthorized = await client.SendAsync(HubRequests.Store("a.txt", "x"u8.ToArray(), null), ct);
        using var notFound = await client.GetAsync(new Uri("/no/such/route", UriKind.Relative), ct);
        using var missing = await client.SendAsync(HubRequests.Delete("missing.txt", token), ct);
        using var tooLarge = await client.SendAsync(HubRequests.Store("big.bin", new byte[200], token), ct);
        using var precondition = await client.SendAsync(
            HubRequests.Store("a.txt", "x"u8.ToArray(), token).WithHeader("If-Match", "wrong"), ct);
        using var badJson = await client.SendAsync(
            HubRequests.ListFiles("{", token), ct);

        await HubAssert.ErrorAsync(unauthorized, HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(notFound, HttpStatusCode.NotFound, "NotFound");
        await HubAssert.ErrorAsync(missing, HttpStatusCode.NotFound, "DoesNotExist");
        await HubAssert.ErrorAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
        await HubAssert.ErrorAsync(precondition, HttpStatusCode.PreconditionFailed, "PreconditionFailedError", "5d41402abc4b2a76b9719d911017c592");
        await HubAssert.ErrorAsync(badJson, HttpStatusCode.BadRequest, "InvalidInputError");
        foreach (var response in new[] { unauthorized, notFound, missing, tooLarge, precondition, badJson })
        {
            AssertCors(response);
        }
    }

    [Fact]
    public async Task ResponsesOnARealSocketCarryCorsHeadersToo()
    {
        await using var app = HubApplication.StartOnLoopback();
        var response = await RawHttp.SendAsync(app.ServerAddress, "POST", $"/store/{HubRequests.Owner}/a.txt",
            new Dictionary<string, string> { ["Origin"] = "https://app.test" }, Encoding.ASCII.GetBytes("hello"));

        Assert.Equal(401, response.Status);
        HubAssert.ErrorBody(response.Json(), "ValidationError");
        Assert.Equal("*", response.Headers["Access-Control-Allow-Origin"]);
        Assert.Contains("ETag", response.Headers["Access-Control-Expose-Headers"].Split(','));
    }

    private static void AssertCors(HttpResponseMessage response)
    {
        Assert.Equal("*", HubAssert.Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", HubAssert.Header(response, "Access-Control-Expose-Headers")!.Split(','));
    }
}
