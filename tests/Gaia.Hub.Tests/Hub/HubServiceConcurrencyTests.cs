using System.Text;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;

namespace Gaia.Hub.Tests.Hub;

/// <summary>The per-path mutex (spec 5 step 1, 12.3 case 1): a second store or delete of a path in flight is a conflict.</summary>
public sealed class HubServiceConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempHub hub = new();
    private readonly BlockingStream body = new(Encoding.UTF8.GetBytes("first"));

    public void Dispose()
    {
        body.Dispose();
        hub.Dispose();
    }

    private async Task<Task<StoreResult>> StartBlockedStoreAsync(string path)
    {
        var store = hub.StoreAsync(TempHub.Caller(), new StoreRequest(path, null, null, null, null, body));
        await body.Started.WaitAsync(Patience, TestContext.Current.CancellationToken);
        return store;
    }

    [Fact]
    public async Task AStoreOfAPathInFlightIsAConflict()
    {
        var first = await StartBlockedStoreAsync("helloWorld");

        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.StoreAsync(TempHub.Caller(), "helloWorld", "second"));
        body.Release();
        await first.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(GaiaError.ConflictError, error.Error);
        Assert.Equal("first", await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task ADeleteOfAPathInFlightIsAConflict()
    {
        var first = await StartBlockedStoreAsync("helloWorld");

        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(TempHub.Caller(), "helloWorld"));
        body.Release();
        await first.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(GaiaError.ConflictError, error.Error);
        Assert.Equal("first", await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task OtherPathsAndListingsAreNotBlocked()
    {
        var first = await StartBlockedStoreAsync("helloWorld");

        await hub.StoreAsync(TempHub.Caller(), "other", "x");
        var names = await hub.AllNamesAsync();
        body.Release();
        await first.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal("other", Assert.Single(names));
    }

    [Fact]
    public async Task ThePathIsFreeAgainOnceTheStoreFinishes()
    {
        var first = await StartBlockedStoreAsync("helloWorld");
        body.Release();
        var result = await first.WaitAsync(Patience, TestContext.Current.CancellationToken);

        await hub.StoreAsync(TempHub.Caller(), "helloWorld", "second");
        await hub.DeleteAsync(TempHub.Caller(), "helloWorld");

        Assert.Equal("8b04d5e3775d298e78455efc5ca404d5", result.ETag);
        Assert.Null(await hub.ReadTextAsync("helloWorld"));
    }

    [Fact]
    public async Task ThePathIsFreeAgainAfterAFailedStore()
    {
        var failing = hub.StoreAsync(TempHub.Caller(), new StoreRequest("helloWorld", null, null, "bad-etag", null, body));
        await Assert.ThrowsAsync<GaiaException>(() => failing);

        await hub.StoreAsync(TempHub.Caller(), "helloWorld", "second");

        Assert.Equal("second", await hub.ReadTextAsync("helloWorld"));
    }
}
