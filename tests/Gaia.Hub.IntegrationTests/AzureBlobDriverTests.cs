using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Gaia.Hub.Errors;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.AzureBlob;

namespace Gaia.Hub.IntegrationTests;

/// <summary>What the Azure driver does beyond the shared contract: blob properties, blocks, private container, big reads.</summary>
public sealed class AzureBlobDriverTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Bucket = "1AzureBucket";
    private const int FirstReadBlock = 4 * 1024 * 1024;
    private readonly AzureBlobDriver driver = AzureTestStorage.Driver(azurite, AzureTestStorage.NewContainerName(), "public, max-age=60");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await driver.InitializeAsync(Token);

    public async ValueTask DisposeAsync() => await driver.Container.DeleteIfExistsAsync(cancellationToken: Token);

    [Fact]
    public async Task TheContainerIsCreatedWithoutPublicAccess()
    {
        await driver.InitializeAsync(Token);

        Assert.Equal(PublicAccessType.None, (await driver.Container.GetAccessPolicyAsync(cancellationToken: Token)).Value.BlobPublicAccess);
    }

    [Fact]
    public async Task BlobsAreNamedByBucketAndPathAndCarryContentTypeCacheControlAndTheETagShown()
    {
        var etag = await WriteAsync("dir/a.json", new byte[10], "application/json");

        var properties = (await driver.Container.GetBlobClient($"{Bucket}/dir/a.json").GetPropertiesAsync(cancellationToken: Token)).Value;
        Assert.Equal(("application/json", "public, max-age=60"), (properties.ContentType, properties.CacheControl));
        Assert.Equal($"\"{etag}\"", properties.ETag.ToString());
    }

    [Fact]
    public async Task LargeUploadsAreStagedInBlocksAndCommittedOnce()
    {
        await WriteAsync("big.bin", new byte[AzureTestStorage.BlockSize * 3 + 1]);

        var blocks = (await driver.Container.GetBlockBlobClient($"{Bucket}/big.bin").GetBlockListAsync(cancellationToken: Token)).Value;
        Assert.Equal(4, blocks.CommittedBlocks.Count());
        Assert.Empty(blocks.UncommittedBlocks);
    }

    [Fact]
    public async Task ArchivalCopiesAndRenamesAreServerSideCopies()
    {
        await WriteAsync("doc.txt", "one"u8.ToArray());
        await driver.WriteAsync(new WriteRequest(Bucket, "doc.txt", new MemoryStream("two"u8.ToArray()), "text/plain", WriteCondition.None, ".history.1.a.doc.txt"), Token);
        await driver.RenameAsync(Bucket, "doc.txt", ".history.2.b.doc.txt", Token);

        foreach (var name in new[] { ".history.1.a.doc.txt", ".history.2.b.doc.txt" })
        {
            var properties = (await driver.Container.GetBlobClient($"{Bucket}/{name}").GetPropertiesAsync(cancellationToken: Token)).Value;
            Assert.Equal(CopyStatus.Success, properties.CopyStatus);
            Assert.EndsWith($"/{Bucket}/doc.txt", properties.CopySource.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FilesLargerThanTheFirstBlockAreReadInPiecesAndSeekable()
    {
        var content = new byte[FirstReadBlock + 300_000];
        Random.Shared.NextBytes(content);
        var etag = await WriteAsync("huge.bin", content);

        await using var file = await driver.ReadAsync(Bucket, "huge.bin", Token);
        Assert.Equal((content.LongLength, etag), (file!.Stat.ContentLength, file.Stat.ETag));
        file.Content.Seek(FirstReadBlock + 1000, SeekOrigin.Begin);
        var tail = new byte[1000];
        await file.Content.ReadExactlyAsync(tail, Token);
        Assert.Equal(content[(FirstReadBlock + 1000)..(FirstReadBlock + 2000)], tail);
        file.Content.Seek(0, SeekOrigin.Begin);
        using var whole = new MemoryStream();
        await file.Content.CopyToAsync(whole, Token);
        Assert.Equal(content, whole.ToArray());
    }

    /// <summary>
    /// Azure discards the loser's staged blocks when the winner commits, so the loser's commit is a 409; Azurite keeps
    /// them and the loser's commit wins instead. Either way the blob is one whole upload, never a mix.
    /// </summary>
    [Fact]
    public async Task AnUploadOvertakenMidwayEndsAsOneWholeVersion()
    {
        var gate = new TaskCompletionSource();
        var slowContent = new byte[AzureTestStorage.BlockSize * 2 + 5];
        Random.Shared.NextBytes(slowContent);
        var slow = new GatedStream(slowContent, AzureTestStorage.BlockSize, gate.Task);
        var overtaken = driver.WriteAsync(new WriteRequest(Bucket, "race.bin", slow, "application/octet-stream", WriteCondition.None), Token);
        await slow.Waiting.WaitAsync(Token);

        await WriteAsync("race.bin", "winner"u8.ToArray());
        gate.SetResult();
        var outcome = await Record.ExceptionAsync(() => overtaken);

        await using var file = await driver.ReadAsync(Bucket, "race.bin", Token);
        using var final = new MemoryStream();
        await file!.Content.CopyToAsync(final, Token);
        if (outcome is null)
        {
            Assert.Equal(slowContent, final.ToArray());
        }
        else
        {
            Assert.Equal(GaiaError.ConflictError, Assert.IsType<GaiaException>(outcome).Error);
            Assert.Equal("winner"u8.ToArray(), final.ToArray());
        }
    }

    [Theory]
    [InlineData("a/./b.txt")]
    public async Task PathsAzureWouldRewriteAreRefused(string path) =>
        Assert.Equal(GaiaError.BadPathError, (await Assert.ThrowsAsync<GaiaException>(() => WriteAsync(path, [1]))).Error);

    private Task<string> WriteAsync(string path, byte[] content, string contentType = "application/octet-stream") =>
        driver.WriteAsync(new WriteRequest(Bucket, path, new MemoryStream(content), contentType, WriteCondition.None), Token);

    /// <summary>Gives its first <c>openBytes</c> bytes, then waits for the gate before the rest.</summary>
    private sealed class GatedStream(byte[] content, int openBytes, Task gate) : MemoryStream(content, writable: false)
    {
        private readonly TaskCompletionSource waiting = new();

        public Task Waiting => waiting.Task;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= openBytes)
            {
                waiting.TrySetResult();
                await gate.WaitAsync(cancellationToken);
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Position < openBytes ? openBytes - Position : buffer.Length)], cancellationToken);
        }
    }
}
