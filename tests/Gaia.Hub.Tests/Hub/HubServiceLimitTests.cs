using Gaia.Hub.Errors;
using Gaia.Hub.Hub;

namespace Gaia.Hub.Tests.Hub;

/// <summary>The upload size limit (spec 5 steps 8 and 10), here 1 KiB.</summary>
public sealed class HubServiceLimitTests : IDisposable
{
    private const int Limit = 1024;
    private readonly TempHub hub = new(o => o.MaxFileUploadSizeMegabytes = 1.0 / 1024);

    public void Dispose() => hub.Dispose();

    private static StoreRequest Upload(string path, int size, long? contentLength) =>
        new(path, null, contentLength, null, null, new MemoryStream(new byte[size]));

    [Fact]
    public void TheLimitIsTheConfiguredMegabytesInBytes() => Assert.Equal(Limit, hub.Service.MaxUploadBytes);

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRejectedBeforeReading()
    {
        var request = Upload("big.bin", Limit + 1, contentLength: Limit + 1);

        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.StoreAsync(TempHub.Caller(), request));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
        Assert.Equal(0, request.Body.Position);
        Assert.Null(await hub.ReadTextAsync("big.bin"));
    }

    [Theory]
    [InlineData(Limit)]
    [InlineData(null)]
    public async Task ExactlyTheLimitIsAccepted(int? contentLength)
    {
        await hub.StoreAsync(TempHub.Caller(), Upload("max.bin", Limit, contentLength));

        var stat = await hub.Driver.StatAsync(Support.TestKeys.Address0, "max.bin", TestContext.Current.CancellationToken);
        Assert.Equal(Limit, stat!.ContentLength);
    }

    [Fact]
    public async Task AStreamOverTheLimitIsRejectedAndThePreviousVersionStays()
    {
        var previous = await hub.StoreAsync(TempHub.Caller(), "file.txt", "old bytes");

        var error = await Assert.ThrowsAsync<GaiaException>(
            () => hub.StoreAsync(TempHub.Caller(), Upload("file.txt", 2 * Limit, contentLength: null)));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
        Assert.Equal("old bytes", await hub.ReadTextAsync("file.txt"));
        var stat = await hub.Driver.StatAsync(Support.TestKeys.Address0, "file.txt", TestContext.Current.CancellationToken);
        Assert.Equal(previous.ETag, stat!.ETag);
    }

    [Fact]
    public async Task AStreamOverTheLimitLeavesNoFileBehind()
    {
        await Assert.ThrowsAsync<GaiaException>(() => hub.StoreAsync(TempHub.Caller(), Upload("new.bin", Limit + 1, contentLength: null)));

        Assert.Null(await hub.ReadTextAsync("new.bin"));
        Assert.Empty(await hub.AllNamesAsync());
        Assert.Empty(Http.HubApplication.TempFilesUnder(hub.Root));
    }

    [Fact]
    public async Task ABodyLongerThanItsDeclaredLengthIsRejected()
    {
        var error = await Assert.ThrowsAsync<GaiaException>(
            () => hub.StoreAsync(TempHub.Caller(), Upload("lying.bin", 1000, contentLength: 10)));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
    }

    [Fact]
    public async Task TheSamePathCanBeStoredAgainAfterARejectedUpload()
    {
        await Assert.ThrowsAsync<GaiaException>(() => hub.StoreAsync(TempHub.Caller(), Upload("file.txt", Limit + 1, contentLength: null)));

        var result = await hub.StoreAsync(TempHub.Caller(), "file.txt", "fits");

        Assert.Equal("fits", await hub.ReadTextAsync("file.txt"));
        Assert.Equal(32, result.ETag.Length);
    }
}
