using Amazon.S3.Model;
using Gaia.Hub.Errors;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// An upload that fails in the middle (over the size limit, or the client gone) on the S3 driver: the previous version
/// stays served, and neither an object nor a multipart upload is left on the server, which lists its uploads.
/// </summary>
public sealed class S3UploadFailureTests(MotoFixture moto) : IAsyncLifetime
{
    private const string Bucket = "1UploadFailureBucket";
    private const int Part = S3StorageOptionsValidator.MinPartSize;
    private S3TestStorage storage = null!;
    private S3StorageDriver driver = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        storage = await S3TestStorage.CreateAsync(moto);
        driver = storage.Driver();
    }

    public async ValueTask DisposeAsync() => await storage.DisposeAsync();

    public static TheoryData<string, int> Failures => new()
    {
        { "oversize", 2 * Part + 17 },
        { "aborted", 2 * Part + 17 },
        { "oversize", 100 },
        { "aborted", 100 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailedUploadLeavesThePreviousVersionServedAndNoObjectOrMultipartUploadBehind(string failure, int cutAt)
    {
        var old = await WriteAsync("file.bin", new MemoryStream("old"u8.ToArray()));
        List<MultipartUpload>? inFlight = null;
        Exception Failure() => failure == "oversize" ? GaiaException.PayloadTooLarge(cutAt) : new IOException("The client went away.");

        foreach (var path in new[] { "file.bin", "new.bin" })
        {
            var body = new CutOffStream(new byte[3 * Part], cutAt, async () => inFlight = await storage.MultipartUploadsAsync(), Failure);
            var error = await Record.ExceptionAsync(() => driver.WriteAsync(
                new WriteRequest(Bucket, path, body, "application/octet-stream", WriteCondition.None, ".history.1.x." + path), Token));

            Assert.IsType(Failure().GetType(), error);
            Assert.Equal(cutAt > Part ? [$"{Bucket}/{path}"] : [], inFlight!.Select(u => u.Key));
        }

        await using var file = await driver.ReadAsync(Bucket, "file.bin", Token);
        using var bytes = new MemoryStream();
        await file!.Content.CopyToAsync(bytes, Token);
        Assert.Equal(("old", old), (System.Text.Encoding.ASCII.GetString(bytes.ToArray()), file.Stat.ETag));
        Assert.Equal([$"{Bucket}/file.bin"], await storage.KeysAsync());
        Assert.Empty(await storage.MultipartUploadsAsync());
    }

    [Fact]
    public async Task AFailedConditionOnALargeUploadAbortsItsMultipartUpload()
    {
        var current = await WriteAsync("doc.bin", new MemoryStream("v1"u8.ToArray()));

        var error = await Assert.ThrowsAsync<GaiaException>(() => driver.WriteAsync(
            new WriteRequest(Bucket, "doc.bin", new MemoryStream(new byte[Part + 1]), "application/octet-stream", WriteCondition.Match("stale")), Token));

        Assert.Equal((GaiaError.PreconditionFailedError, current), (error.Error, error.CurrentETag));
        Assert.Empty(await storage.MultipartUploadsAsync());
        Assert.Equal([$"{Bucket}/doc.bin"], await storage.KeysAsync());
    }

    private Task<string> WriteAsync(string path, Stream content) =>
        driver.WriteAsync(new WriteRequest(Bucket, path, content, "application/octet-stream", WriteCondition.None), Token);
}
