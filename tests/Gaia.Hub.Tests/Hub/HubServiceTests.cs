using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Hub;

/// <summary>Store and delete through <see cref="Gaia.Hub.Hub.HubService"/> over the disk driver (spec 5, 6, 12.2 cases 4–5).</summary>
public sealed class HubServiceTests : IDisposable
{
    private readonly TempHub hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public async Task StoreReturnsThePublicUrlAndTheLowercaseHexMd5()
    {
        var result = await hub.StoreAsync(TempHub.Caller(), "foo.txt", "hello world", "text/text");

        Assert.Equal($"http://potato.com/{TestKeys.Address0}/foo.txt", result.PublicUrl);
        Assert.Equal("5eb63bbbe01eeed093cb22bb8f5acdc3", result.ETag);
        Assert.Equal("hello world", await hub.ReadTextAsync("foo.txt"));
    }

    [Fact]
    public async Task ALeadingSlashGivesADoubleSlashInThePublicUrl()
    {
        var result = await hub.StoreAsync(TempHub.Caller(), "/foo/bar", "x");

        Assert.Equal($"http://potato.com/{TestKeys.Address0}//foo/bar", result.PublicUrl);
    }

    [Fact]
    public async Task TheContentTypeIsStoredVerbatim()
    {
        await hub.StoreAsync(TempHub.Caller(), "foo.txt", "x", "text/plain; charset=UTF-8");

        var stat = await hub.Driver.StatAsync(TestKeys.Address0, "foo.txt", TestContext.Current.CancellationToken);

        Assert.Equal("text/plain; charset=UTF-8", stat!.ContentType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task WithoutAContentTypeTheFileIsOctetStream(string? contentType)
    {
        await hub.StoreAsync(TempHub.Caller(), "foo.txt", "x", contentType);

        var stat = await hub.Driver.StatAsync(TestKeys.Address0, "foo.txt", TestContext.Current.CancellationToken);

        Assert.Equal("application/octet-stream", stat!.ContentType);
    }

    [Fact]
    public async Task AContentTypeOf1024CharactersIsAccepted()
    {
        var contentType = "text/" + new string('x', 1024 - 5);

        await hub.StoreAsync(TempHub.Caller(), "foo.txt", "x", contentType);

        Assert.Equal(contentType, (await hub.Driver.StatAsync(TestKeys.Address0, "foo.txt", TestContext.Current.CancellationToken))!.ContentType);
    }

    [Fact]
    public async Task AContentTypeLongerThan1024CharactersIsInvalidInput()
    {
        var error = await Assert.ThrowsAsync<GaiaException>(
            () => hub.StoreAsync(TempHub.Caller(), "foo.txt", "x", "text/" + new string('x', 1024 - 4)));

        Assert.Equal(GaiaError.InvalidInputError, error.Error);
        Assert.Null(await hub.ReadTextAsync("foo.txt"));
    }

    [Fact]
    public async Task AnEmptyBodyIsAValidFile()
    {
        var result = await hub.StoreAsync(TempHub.Caller(), "empty", "");

        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", result.ETag);
        Assert.Equal("", await hub.ReadTextAsync("empty"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../traversal")]
    [InlineData("a..b.txt")]
    [InlineData("a/../b")]
    public async Task AnUnsafePathIsABadPathForStoreAndDelete(string path)
    {
        var store = await Assert.ThrowsAsync<GaiaException>(() => hub.StoreAsync(TempHub.Caller(), path, "x"));
        var delete = await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(TempHub.Caller(), path));

        Assert.Equal(GaiaError.BadPathError, store.Error);
        Assert.Equal(GaiaError.BadPathError, delete.Error);
    }

    [Fact]
    public async Task DeleteRemovesTheFile()
    {
        await hub.StoreAsync(TempHub.Caller(), "foo.txt", "x");

        await hub.DeleteAsync(TempHub.Caller(), "foo.txt");

        Assert.Null(await hub.ReadTextAsync("foo.txt"));
        Assert.Empty(await hub.AllNamesAsync());
    }

    [Fact]
    public async Task DeletingAMissingFileIsDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(TempHub.Caller(), "non-existent-file"));

        Assert.Equal(GaiaError.DoesNotExist, error.Error);
    }

    [Fact]
    public async Task DeletingADirectoryIsDoesNotExist()
    {
        await hub.StoreAsync(TempHub.Caller(), "somedir/foo.bin", "x");

        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(TempHub.Caller(), "somedir"));

        Assert.Equal(GaiaError.DoesNotExist, error.Error);
        Assert.Equal("x", await hub.ReadTextAsync("somedir/foo.bin"));
    }

    [Fact]
    public void HubInfoAdvertisesTheChallengeVersionLimitAndReadPrefix()
    {
        var info = hub.Service.GetHubInfo("https://hub.example.com");

        Assert.Equal("[\"gaiahub\",\"0\",\"test-server\",\"blockstack_storage_please_sign\"]", info.ChallengeText);
        Assert.Equal("v1", info.LatestAuthVersion);
        Assert.Equal(20, info.MaxFileUploadSizeMegabytes);
        Assert.Equal("https://hub.example.com/read/", info.ReadUrlPrefix);
    }
}
