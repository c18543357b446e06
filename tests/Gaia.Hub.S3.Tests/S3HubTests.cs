using System.Globalization;
using System.Net;
using System.Text;
using Gaia.Hub.Storage;
using Gaia.Hub.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.S3.Tests;

/// <summary>The self-hosted server on the S3 driver, through HTTP: the protocol, failed uploads, and conditions.</summary>
public sealed class S3HubTests(MotoFixture moto) : IAsyncLifetime
{
    private const int Part = S3StorageOptionsValidator.MinPartSize;
    private static readonly string Owner = HubRequests.Owner;
    private S3TestStorage storage = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => storage = await S3TestStorage.CreateAsync(moto);

    public async ValueTask DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task TheServerOnTheS3DriverStoresReadsListsAndDeletes()
    {
        await using var app = new S3HubApplication(moto, storage);
        using var client = app.CreateClient();

        var (publicUrl, etag) = await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("dir/hello.txt", "hello"u8.ToArray(), HubRequests.OwnerToken(), "text/plain"), Token));
        using var read = await client.GetAsync(new Uri(publicUrl).PathAndQuery, Token);
        var list = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles("{\"stat\":true}", HubRequests.OwnerToken()), Token), HttpStatusCode.Accepted);
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.ListFiles("{\"page\":\"!!!\"}", HubRequests.OwnerToken()), Token), HttpStatusCode.BadRequest, "InvalidInputError");

        Assert.IsType<S3StorageDriver>(Telemetry.StorageDriverTelemetry.Unwrap(app.Services.GetRequiredService<IStorageDriver>()));
        Assert.Equal(("hello", "text/plain", etag), (await read.Content.ReadAsStringAsync(Token), read.Content.Headers.ContentType!.ToString(), HubAssert.Header(read, "ETag")));
        var entry = Assert.Single(list.GetProperty("entries").EnumerateArray());
        Assert.Equal(("dir/hello.txt", etag, 5, "text/plain"), (entry.GetProperty("name").GetString(), entry.GetProperty("etag").GetString(),
            entry.GetProperty("contentLength").GetInt64(), entry.GetProperty("contentType").GetString()));
        Assert.Equal([$"{Owner}/dir/hello.txt"], await storage.KeysAsync());
        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete("dir/hello.txt", HubRequests.OwnerToken()), Token));
        Assert.Empty(await storage.KeysAsync());
    }

    [Fact]
    public async Task AnOversizeUploadGets413AndLeavesThePreviousVersionAndNoMultipartUpload()
    {
        await using var app = new S3HubApplication(moto, storage, new Dictionary<string, string> { ["Gaia:MaxFileUploadSizeMegabytes"] = "6" });
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("victim.txt", new StreamingContent(new byte[7 * 1024 * 1024]), HubRequests.OwnerToken()), Token),
            HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");

        await AssertOnlyOriginalAsync(client, etag);
    }

    [Fact]
    public async Task AClientThatDisconnectsMidUploadLeavesThePreviousVersionAndNoMultipartUpload()
    {
        await using var app = new S3HubApplication(moto, storage, onLoopback: true);
        using var client = app.CreateLoopbackClient();
        var etag = await StoreOriginalAsync(client);
        var headers = new Dictionary<string, string> { ["Authorization"] = HubRequests.OwnerToken(), ["Content-Type"] = "text/plain" };

        using (await RawHttp.SendPartialAsync(app.ServerAddress, "POST", $"/store/{Owner}/victim.txt", headers, 3 * Part, new byte[Part + 1000]))
        {
            await EventuallyAsync(async () => (await storage.MultipartUploadsAsync()).Count == 1, "the first part is uploaded");
        }

        await EventuallyAsync(async () => (await storage.MultipartUploadsAsync()).Count == 0, "the multipart upload is aborted");
        await AssertOnlyOriginalAsync(client, etag);
    }

    [Fact]
    public async Task OnAServiceThatIgnoresConditionsOneInstanceStillLosesNoIfMatchUpdateAndCreatesOnce()
    {
        var http = new ConditionHeadersHttpClientFactory(drop: true);
        await using var app = new S3HubApplication(moto, storage, httpClientFactory: http);
        using var client = app.CreateClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("counter", "0"u8.ToArray(), HubRequests.OwnerToken()).WithHeader("If-None-Match", "*"), Token));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var increment = 0; increment < 5; increment++)
            {
                await IncrementAsync(client);
            }
        }, Token)));
        var creates = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var response = await client.SendAsync(HubRequests.Store("once.txt", Encoding.ASCII.GetBytes($"writer {i}"), HubRequests.OwnerToken()).WithHeader("If-None-Match", "*"), Token);
            return response.StatusCode;
        }, Token)));

        Assert.Equal("30", await client.GetStringAsync($"/read/{Owner}/counter", Token));
        Assert.Single(creates, status => status == HttpStatusCode.Accepted);
        Assert.All(creates, status => Assert.Contains(status, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        Assert.Contains(http.Seen, line => line.Contains("If-Match", StringComparison.Ordinal));
    }

    private static async Task IncrementAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            using var read = await client.GetAsync($"/read/{Owner}/counter", Token);
            var value = int.Parse(await read.Content.ReadAsStringAsync(Token), CultureInfo.InvariantCulture);
            var next = Encoding.ASCII.GetBytes((value + 1).ToString(CultureInfo.InvariantCulture));
            using var stored = await client.SendAsync(HubRequests.Store("counter", next, HubRequests.OwnerToken()).WithHeader("If-Match", HubAssert.Header(read, "ETag")!), Token);
            if (stored.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            Assert.Contains(stored.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed });
            await Task.Delay(Random.Shared.Next(1, 20), Token);
        }

        Assert.Fail("An increment never got through.");
    }

    private static async Task<string> StoreOriginalAsync(HttpClient client) =>
        (await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("victim.txt", "original"u8.ToArray(), HubRequests.OwnerToken(), "text/plain"), Token))).ETag;

    /// <summary>victim.txt still reads back as the original, it is the bucket's only object, and no multipart upload is left.</summary>
    private async Task AssertOnlyOriginalAsync(HttpClient client, string etag)
    {
        using var read = await client.GetAsync($"/read/{Owner}/victim.txt", Token);
        Assert.Equal(("original", etag), (await read.Content.ReadAsStringAsync(Token), HubAssert.Header(read, "ETag")));
        Assert.Equal([$"{Owner}/victim.txt"], await storage.KeysAsync());
        Assert.Empty(await storage.MultipartUploadsAsync());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50, Token);
        }
    }
}
