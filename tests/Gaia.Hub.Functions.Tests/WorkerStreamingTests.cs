using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Functions.Tests;

/// <summary>
/// Bodies through the real worker and the local Functions host, both ways: multi-MiB files stored and read back byte for
/// byte, an upload whose first blocks reach storage before the client has sent the rest (so no hop buffers it whole),
/// an oversize upload refused with 413, concurrent requests, and the host's routing by the functions' own metadata.
/// </summary>
public sealed class WorkerStreamingTests(WorkerFixture worker)
{
    private const int MiB = 1024 * 1024;
    private static readonly string Owner = TestTokens.Bearer(TestKeys.Key0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileOfSeveralMiBIsStoredAndReadBackByteForByte()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * MiB + 12345);
        var name = $"big-{Guid.NewGuid():N}.bin";

        var stored = await worker.App.SendAsync(HubRequests.Store(name, bytes, Owner));
        using var response = await worker.App.Client.GetAsync($"/read/{HubRequests.Owner}/{name}", HttpCompletionOption.ResponseHeadersRead, Ct);
        var read = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.True(stored.Status == 202, $"{stored}\n{worker.App.Logs}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(read));
        Assert.Equal($"http://hub.test/read/{HubRequests.Owner}/{name}", JsonDocument.Parse(stored.Body).RootElement.GetProperty("publicURL").GetString());
    }

    [Fact]
    public async Task AnUploadReachesStorageWhileTheClientIsStillSendingIt()
    {
        var name = $"streamed-{Guid.NewGuid():N}.bin";
        var blob = new BlockBlobClient(worker.App.Settings["Gaia:Azure:ConnectionString"], worker.App.Settings["Gaia:Azure:ContainerName"], $"{HubRequests.Owner}/{name}");
        using var body = new StalledUpload(sent: MiB, total: 2 * MiB);
        var sending = worker.App.Client.SendAsync(StoreRequest(name, body), Ct);

        var staged = 0;
        try
        {
            for (var tries = 0; staged == 0 && tries < 100 && !sending.IsCompleted; tries++)
            {
                await Task.Delay(200, Ct);
                staged = await StagedBlocksAsync(blob);
            }
        }
        finally
        {
            body.Release();
        }

        using var response = await sending;
        Assert.True(staged > 0, $"no block of the first MiB reached storage while the client held back the second\n{worker.App.Logs}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2 * MiB, (await worker.App.Client.GetByteArrayAsync($"/read/{HubRequests.Owner}/{name}", Ct)).Length);
    }

    [Fact]
    public async Task AnOversizeUploadIsAnswered413AndNothingIsStored()
    {
        var name = $"oversize-{Guid.NewGuid():N}.bin";
        var bytes = new byte[(int)(WorkerFixture.UploadLimitMegabytes * MiB) + MiB];

        var response = await worker.App.SendAsync(HubRequests.Store(name, bytes, Owner));

        Assert.True(response.Status == 413, $"{response}\n{worker.App.Logs}");
        Assert.Contains("PayloadTooLargeError", response.Body, StringComparison.Ordinal);
        Assert.Equal(404, (await worker.App.SendAsync(HubRequests.Read(name))).Status);
    }

    [Fact]
    public async Task FiftyConcurrentStoresAreAllAnsweredAndReadBack()
    {
        var prefix = $"concurrent-{Guid.NewGuid():N}";

        var stores = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            worker.App.SendAsync(HubRequests.Store($"{prefix}/{i}.txt", BitConverter.GetBytes(i), Owner))));
        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => worker.App.SendAsync(HubRequests.Read($"{prefix}/{i}.txt"))));

        Assert.All(stores, store => Assert.Equal(202, store.Status));
        Assert.All(reads, read => Assert.Equal(200, read.Status));
    }

    [Theory]
    [InlineData("GET", "/nothing-here")]
    [InlineData("PUT", "/hub_info")]
    [InlineData("GET", "/store/1abc/a.txt")]
    [InlineData("GET", "/api/hub_info")]
    public async Task ARequestNoFunctionTakesGetsTheHostsBare404(string method, string path)
    {
        var response = await worker.App.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(new HubResponse(404, null, null, ""), response);
    }

    private static HttpRequestMessage StoreRequest(string name, HttpContent body)
    {
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/store/{HubRequests.Owner}/{name}") { Content = body };
        request.Headers.TryAddWithoutValidation("Authorization", Owner);
        return request;
    }

    /// <summary>How many uncommitted blocks the blob has: the driver stages each block as it reads the body.</summary>
    private static async Task<int> StagedBlocksAsync(BlockBlobClient blob)
    {
        try
        {
            return (await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: Ct)).Value.UncommittedBlocks.Count();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}
