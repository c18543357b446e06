using System.Text;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>What the S3 driver does beyond the shared contract: object names and headers, multipart uploads, big reads, paths, page tokens.</summary>
public sealed class S3StorageDriverTests(MotoFixture moto) : S3DriverTest(moto, "public, max-age=60")
{
    [Fact]
    public async Task ObjectsAreNamedByBucketAndPathAndCarryContentTypeCacheControlAndTheETagShown()
    {
        var etag = await WriteAsync("dir/a.json", new byte[10], "application/json");

        var head = await Storage.Client.GetObjectMetadataAsync(Storage.BucketName, $"{Bucket}/dir/a.json", Token);
        Assert.Equal(("application/json", "public, max-age=60"), (head.Headers.ContentType, head.Headers.CacheControl));
        Assert.Equal($"\"{etag}\"", head.ETag);
    }

    [Fact]
    public async Task AnUploadLargerThanOnePartIsOneMultipartUploadCompletedOnce()
    {
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, (2 * Part / 10) + 1).Select(i => $"{i:d9}\n")));

        var etag = await WriteAsync("big.bin", content, "application/octet-stream");

        Assert.Matches("^[0-9a-f]{32}-3$", etag);
        Assert.Equal([$"{Bucket}/big.bin"], await Storage.KeysAsync());
        Assert.Empty(await Storage.MultipartUploadsAsync());
        Assert.Equal(content, await ReadAllAsync("big.bin"));
    }

    [Fact]
    public async Task FilesLargerThanFourMebibytesAreReadInRangesAndSeekable()
    {
        var content = new byte[S3Reader.InMemoryLimit + 300_000];
        Random.Shared.NextBytes(content);
        var etag = await WriteAsync("huge.bin", content);

        await using var file = await Driver.ReadAsync(Bucket, "huge.bin", Token);
        Assert.Equal((content.LongLength, etag), (file!.Stat.ContentLength, file.Stat.ETag));
        Assert.IsType<S3ReadStream>(file.Content);
        file.Content.Seek(S3Reader.InMemoryLimit + 1000, SeekOrigin.Begin);
        var tail = new byte[1000];
        await file.Content.ReadExactlyAsync(tail, Token);
        Assert.Equal(content[(S3Reader.InMemoryLimit + 1000)..(S3Reader.InMemoryLimit + 2000)], tail);
        file.Content.Seek(0, SeekOrigin.Begin);
        using var whole = new MemoryStream();
        await file.Content.CopyToAsync(whole, Token);
        Assert.Equal(content, whole.ToArray());
    }

    [Fact]
    public async Task ALargeFileReplacedDuringAReadFailsTheReadRatherThanMixingVersions()
    {
        await WriteAsync("huge.bin", new byte[S3Reader.InMemoryLimit + 10]);
        await using var file = await Driver.ReadAsync(Bucket, "huge.bin", Token);
        await file!.Content.ReadExactlyAsync(new byte[100], Token);

        await WriteAsync("huge.bin", new byte[S3Reader.InMemoryLimit + 20]);
        file.Content.Seek(S3Reader.InMemoryLimit, SeekOrigin.Begin);

        await Assert.ThrowsAsync<IOException>(async () => await file.Content.ReadExactlyAsync(new byte[10], Token));
    }

    [Theory]
    [InlineData("a/./b.txt")]
    [InlineData(".")]
    [InlineData("tab\there.txt")]
    [InlineData("line\nbreak.txt")]
    public async Task PathsTheSdkWouldRewriteOrAListingCannotCarryAreRefused(string path) =>
        Assert.Equal(GaiaError.BadPathError, (await Assert.ThrowsAsync<GaiaException>(() => WriteAsync(path, [1]))).Error);

    [Fact]
    public async Task TheLongestNameAnyHubAcceptsFitsInAKey()
    {
        var longest = string.Join('/', Enumerable.Repeat(new string('é', 99), 4)) + "/" + new string('x', GaiaPath.MaxBytes - 4 * 199);
        await WriteAsync(longest, [1]);

        var error = await Assert.ThrowsAsync<GaiaException>(() => WriteAsync(longest + "x", [1]));

        Assert.Equal(GaiaError.BadPathError, error.Error);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("_w")]
    [InlineData("AA")]
    [InlineData("CQ")]
    [InlineData("ZGlyCmE")]
    public async Task PageTokensThatAreNotAListedNameAre400(string token)
    {
        await WriteAsync("a.txt", [1]);

        var error = await Assert.ThrowsAsync<GaiaException>(() => Driver.ListAsync(new ListRequest(Bucket, 10, token), Token));

        Assert.Equal(GaiaError.InvalidInputError, error.Error);
    }

    [Fact]
    public async Task APageTokenIsTheLastNameOfItsPageInBase64Url()
    {
        foreach (var name in new[] { "a.txt", "ü/b.txt", "ü/c.txt" })
        {
            await WriteAsync(name, [1]);
        }

        var first = await Driver.ListAsync(new ListRequest(Bucket, 2), Token);
        var second = await Driver.ListAsync(new ListRequest(Bucket, 2, first.NextPageToken), Token);

        Assert.Equal("ü/b.txt", Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(first.NextPageToken)));
        Assert.Equal(["ü/c.txt"], second.Entries.Select(e => e.Name));
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task ListingWithStatGivesEachFileItsOwnContentTypeAndLeavesOutTheRevocationObject()
    {
        await WriteAsync("a.json", "{}"u8.ToArray(), "application/json");
        await WriteAsync("b.txt", "b"u8.ToArray(), "text/plain");
        using var revocations = Storage.RevocationStore();
        await revocations.BumpAsync(Bucket, 1_700_000_000, Token);

        var page = await Driver.ListAsync(new ListRequest(Bucket, 10, IncludeStat: true), Token);

        Assert.Equal([("a.json", "application/json", 2L), ("b.txt", "text/plain", 1L)], page.Entries.Select(e => (e.Name, e.Stat!.ContentType, e.Stat.ContentLength)));
    }

    private Task<string> WriteAsync(string path, byte[] content, string contentType = "application/octet-stream") =>
        WriteAsync(path, new MemoryStream(content), contentType);
}
