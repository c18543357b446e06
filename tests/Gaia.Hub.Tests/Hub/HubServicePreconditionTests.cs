using Gaia.Hub.Errors;

namespace Gaia.Hub.Tests.Hub;

/// <summary><c>If-Match</c> / <c>If-None-Match</c> on store (spec 5 step 6, 12.3 cases 3, 5, 8–11).</summary>
public sealed class HubServicePreconditionTests : IDisposable
{
    private readonly TempHub hub = new();

    public void Dispose() => hub.Dispose();

    private async Task<GaiaException> FailsAsync(string? ifMatch, string? ifNoneMatch) =>
        await Assert.ThrowsAsync<GaiaException>(
            () => hub.StoreAsync(TempHub.Caller(), "helloWorld", "new", ifMatch: ifMatch, ifNoneMatch: ifNoneMatch));

    [Fact]
    public async Task IfNoneMatchStarCreatesANewFile()
    {
        var result = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "hello world", ifNoneMatch: "*");

        Assert.Equal("5eb63bbbe01eeed093cb22bb8f5acdc3", result.ETag);
    }

    [Fact]
    public async Task IfNoneMatchStarOnAnExistingFileFails()
    {
        var existing = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "old");

        var error = await FailsAsync(null, "*");

        Assert.Equal(GaiaError.PreconditionFailedError, error.Error);
        Assert.Equal(existing.ETag, error.CurrentETag);
        Assert.Equal("old", await hub.ReadTextAsync("helloWorld"));
    }

    [Theory]
    [InlineData("not-a-wildcard")]
    [InlineData("")]
    [InlineData("\"*\"")]
    public async Task IfNoneMatchOtherThanStarFails(string ifNoneMatch)
    {
        var error = await FailsAsync(null, ifNoneMatch);

        Assert.Equal(GaiaError.PreconditionFailedError, error.Error);
        Assert.Null(await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task BothHeadersTogetherFail()
    {
        var existing = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "old");

        var error = await FailsAsync(existing.ETag, "*");

        Assert.Equal(GaiaError.PreconditionFailedError, error.Error);
        Assert.Equal(existing.ETag, error.CurrentETag);
        Assert.Equal("old", await hub.ReadTextAsync("helloWorld"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("*")]
    public async Task IfMatchWithTheCurrentETagReplacesTheFile(string format)
    {
        var existing = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "old");

        await hub.StoreAsync(TempHub.Caller(), "helloWorld", "new", ifMatch: string.Format(null, format, existing.ETag));

        Assert.Equal("new", await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task IfMatchWithAnotherETagFails()
    {
        var existing = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "old");

        var error = await FailsAsync("bad-etag", null);

        Assert.Equal(GaiaError.PreconditionFailedError, error.Error);
        Assert.Equal(existing.ETag, error.CurrentETag);
        Assert.Equal("old", await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task IfMatchOnAMissingFileFails()
    {
        var error = await FailsAsync("5eb63bbbe01eeed093cb22bb8f5acdc3", null);

        Assert.Equal(GaiaError.PreconditionFailedError, error.Error);
        Assert.Null(error.CurrentETag);
        Assert.Null(await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task AnETagFromOneStoreIsAcceptedByTheNext()
    {
        var first = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "one", ifNoneMatch: "*");
        var second = await hub.StoreAsync(TempHub.Caller(), "helloWorld", "two", ifMatch: first.ETag);

        await hub.StoreAsync(TempHub.Caller(), "helloWorld", "three", ifMatch: second.ETag);

        Assert.Equal("three", await hub.ReadTextAsync("helloWorld"));
        Assert.Equal(GaiaError.PreconditionFailedError, (await FailsAsync(first.ETag, null)).Error);
    }
}
