using System.Net;
using System.Security.Cryptography;

namespace Gaia.Hub.Tests.Http;

/// <summary>Spec 1.3, one test per row and endpoint. This part: success bodies, the 409 mutex, 404s.</summary>
public sealed partial class StatusCodeTableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoreAnswers202WithThePublicUrlAndTheMd5ETag()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var content = "hello world"u8.ToArray();

        var (publicUrl, etag) = await HubAssert.StoredAsync(
            await client.SendAsync(HubRequests.Store("helloWorld", content, HubRequests.OwnerToken()), Ct));

        Assert.Equal($"http://hub.test/read/{HubRequests.Owner}/helloWorld", publicUrl);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), etag);
    }

    [Fact]
    public async Task DeleteAnswers202WithAnEmptyBody()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("helloWorld", [1, 2, 3], token), Ct));

        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete("helloWorld", token), Ct));
    }

    [Fact]
    public async Task ListFilesAnswers202WithEntriesAndAPageKeyThatIsNullOnTheLastPage()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("helloWorld", [1], token), Ct));

        var body = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles("{}", token), Ct), HttpStatusCode.Accepted);

        Assert.Equal(["entries", "page"], HubAssert.Keys(body));
        Assert.Equal(["helloWorld"], body.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("page").ValueKind);
    }

    [Fact]
    public async Task RevokeAllAnswers202WithStatusSuccess()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var json = $"{{\"oldestValidTimestamp\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000}}}";

        var body = await HubAssert.JsonAsync(
            await client.SendAsync(HubRequests.RevokeAll(json, HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);

        Assert.Equal(["status"], HubAssert.Keys(body));
        Assert.Equal("success", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AStoreOrDeleteOfAPathWithAStoreInFlightGets409UntilThatStoreEnds()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first half (70,000 bytes) is more than the disk driver buffers before it creates the temporary file.
        var body = new byte[140_000];
        var first = client.SendAsync(HubRequests.Store("helloWorld", new StreamingContent(body, release.Task), token), Ct);
        try
        {
            await HubAssert.EventuallyAsync(() => app.TempFiles.Count > 0, "the first upload is being written");
            await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("helloWorld", "second"u8.ToArray(), token), Ct),
                HttpStatusCode.Conflict, "ConflictError");
            await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete("helloWorld", token), Ct),
                HttpStatusCode.Conflict, "ConflictError");
            await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("other", [1], token), Ct));
        }
        finally
        {
            release.TrySetResult();
        }

        var (_, etag) = await HubAssert.StoredAsync(await first);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(body)), etag);
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("helloWorld", "third"u8.ToArray(), token), Ct));
        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete("helloWorld", token), Ct));
    }

    [Theory]
    [InlineData("dir/b.txt", "dir")]
    [InlineData("a.txt", "a.txt/b.txt")]
    public async Task AStoreThatCollidesWithADirectoryOrFileInTheDriverGets409(string existing, string colliding)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(existing, [1], token), Ct));

        await HubAssert.ErrorAsync(
            await client.SendAsync(HubRequests.Store(colliding, [2], token), Ct), HttpStatusCode.Conflict, "ConflictError");
        Assert.Empty(app.TempFiles);
    }

    [Fact]
    public async Task DeletingAMissingFileAnswers404DoesNotExist()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(
            await client.SendAsync(HubRequests.Delete("non-existent-file", HubRequests.OwnerToken()), Ct), HttpStatusCode.NotFound, "DoesNotExist");
    }

    [Fact]
    public async Task DeletingADirectoryAnswers404DoesNotExist()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("dir/file.txt", [1], token), Ct));

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete("dir", token), Ct), HttpStatusCode.NotFound, "DoesNotExist");
    }

    [Theory]
    [InlineData("GET", "/no/such/route")]
    [InlineData("POST", "/store/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn")]
    [InlineData("POST", "/store/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn/")]
    [InlineData("POST", "/store/not-an-address/file.txt")]
    [InlineData("DELETE", "/delete/16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn/")]
    [InlineData("POST", "/list-files/")]
    public async Task AnUnknownRouteAnswers404WithAJsonBody(string method, string path)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            .WithHeader("Authorization", HubRequests.OwnerToken());

        await HubAssert.ErrorAsync(await client.SendAsync(request, Ct), HttpStatusCode.NotFound, "NotFound");
    }
}
