using Amazon.S3.Model;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// An upload that fails in the middle (over the size limit, or the client gone) on the S3 driver: the previous version
/// stays served, and neither an object nor a multipart upload is left on the server, which lists its uploads.
/// </summary>
public sealed class S3UploadFailureTests(MotoFixture moto) : S3DriverTest(moto)
{
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
            var body = new CutOffStream(new byte[3 * Part], cutAt, async () => inFlight = await Storage.MultipartUploadsAsync(), Failure);
            var error = await Record.ExceptionAsync(() => Driver.WriteAsync(
                new WriteRequest(Bucket, path, body, "application/octet-stream", WriteCondition.None, ".history.1.x." + path), Token));

            Assert.IsType(Failure().GetType(), error);
            Assert.Equal(cutAt > Part ? [$"{Bucket}/{path}"] : [], inFlight!.Select(u => u.Key));
        }

        Assert.Equal("old"u8.ToArray(), await ReadAllAsync("file.bin"));
        Assert.Equal(old, (await Driver.StatAsync(Bucket, "file.bin", Token))!.ETag);
        Assert.Equal([$"{Bucket}/file.bin"], await Storage.KeysAsync());
        Assert.Empty(await Storage.MultipartUploadsAsync());
    }

    [Fact]
    public async Task AFailedConditionOnALargeUploadAbortsItsMultipartUpload()
    {
        var current = await WriteAsync("doc.bin", new MemoryStream("v1"u8.ToArray()));

        var error = await Assert.ThrowsAsync<GaiaException>(() => Driver.WriteAsync(
            new WriteRequest(Bucket, "doc.bin", new MemoryStream(new byte[Part + 1]), "application/octet-stream", WriteCondition.Match("stale")), Token));

        Assert.Equal((GaiaError.PreconditionFailedError, current), (error.Error, error.CurrentETag));
        Assert.Empty(await Storage.MultipartUploadsAsync());
        Assert.Equal([$"{Bucket}/doc.bin"], await Storage.KeysAsync());
    }
}
