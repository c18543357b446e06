using Gaia.Hub.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// How write conditions reach S3: sent as headers (which S3, R2 and MinIO enforce atomically), and checked by the
/// driver itself, so they still hold within one instance on a service that ignores the headers.
/// </summary>
public sealed class S3ConditionTests(MotoFixture moto)
{
    private const string Bucket = "1ConditionBucket";
    private const int Part = S3StorageOptionsValidator.MinPartSize;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConditionsTravelAsIfMatchIfNoneMatchAndCopySourceIfMatch()
    {
        var http = new ConditionHeadersHttpClientFactory(drop: false);
        await using var storage = await S3TestStorage.CreateAsync(moto, http);
        var driver = storage.Driver();
        var key = $"/{storage.BucketName}/{Bucket}";

        var first = await WriteAsync(driver, "doc", new byte[10], WriteCondition.MustNotExist);
        var second = await WriteAsync(driver, "doc", new byte[Part + 1], WriteCondition.Match(first), ".history.1.a.doc");
        await WriteAsync(driver, "doc", new byte[20], WriteCondition.None, ".history.2.b.doc");
        await driver.RenameAsync(Bucket, "doc", ".history.3.c.doc", Token);

        Assert.Equal(
            [
                $"PUT {key}/doc If-None-Match: *",
                $"PUT {key}/.history.1.a.doc x-amz-copy-source-if-match: \"{first}\"",
                $"POST {key}/doc If-Match: \"{first}\"",
                $"PUT {key}/.history.2.b.doc x-amz-copy-source-if-match: \"{second}\"",
                $"PUT {key}/doc If-Match: \"{second}\"",
            ],
            http.Seen.Take(5));
        Assert.Equal(2, http.Seen.Skip(5).Count(line => line.StartsWith($"PUT {key}/.history.3.c.doc x-amz-copy-source-if-match:") || line.StartsWith($"DELETE {key}/doc If-Match:")));
    }

    [Fact]
    public async Task OnAServiceThatIgnoresConditionsTheDriverStillRefusesWritesThatBreakThem()
    {
        var http = new ConditionHeadersHttpClientFactory(drop: true);
        await using var storage = await S3TestStorage.CreateAsync(moto, http);
        var driver = storage.Driver();
        var current = await WriteAsync(driver, "doc", "one"u8.ToArray(), WriteCondition.None);
        await WriteAsync(driver, "doc", "two"u8.ToArray(), WriteCondition.Match(current));
        current = (await driver.StatAsync(Bucket, "doc", Token))!.ETag;

        foreach (var (path, condition, etag) in new[]
        {
            ("doc", WriteCondition.MustNotExist, current), ("doc", WriteCondition.Match(current.Replace('a', 'b').Replace('0', '1') + "x"), current),
            ("missing", WriteCondition.Match(current), null), ("missing", WriteCondition.Match("*"), null),
        })
        {
            var error = await Assert.ThrowsAsync<GaiaException>(() => WriteAsync(driver, path, new byte[Part + 5], condition));
            Assert.Equal((GaiaError.PreconditionFailedError, etag), (error.Error, error.CurrentETag));
        }

        Assert.Contains(http.Seen, line => line.Contains("If-Match", StringComparison.Ordinal));
        Assert.Equal([$"{Bucket}/doc"], await storage.KeysAsync());
        Assert.Empty(await storage.MultipartUploadsAsync());
    }

    private static Task<string> WriteAsync(S3StorageDriver driver, string path, byte[] content, WriteCondition condition, string? archivePath = null) =>
        driver.WriteAsync(new WriteRequest(Bucket, path, new MemoryStream(content), "application/octet-stream", condition, archivePath), Token);
}
