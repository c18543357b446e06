using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Hub;

/// <summary>Scope enforcement on store and delete (spec 3.9, 12.2 cases 12–13): each category restricts only itself.</summary>
public sealed class HubServiceScopeTests : IDisposable
{
    private readonly TempHub hub = new();

    public void Dispose() => hub.Dispose();

    private static async Task RejectedAsync(Func<Task> operation) =>
        Assert.Equal(GaiaError.ValidationError, (await Assert.ThrowsAsync<GaiaException>(operation)).Error);

    [Fact]
    public async Task PutFileScopesAllowOnlyTheirPathsAndPrefixes()
    {
        var caller = TempHub.Caller(new(AuthScope.PutFile, "/foo/bar"), new(AuthScope.PutFilePrefix, "baz"));

        var exact = await hub.StoreAsync(caller, "/foo/bar", "x");
        await hub.StoreAsync(caller, "baz/foo.txt", "x");
        await hub.StoreAsync(caller, "bazooka.txt", "x");

        Assert.Equal($"{TempHub.ReadPrefix}{TestKeys.Address0}//foo/bar", exact.PublicUrl);
        await RejectedAsync(() => hub.StoreAsync(caller, "/nope/foo.txt", "x"));
        await RejectedAsync(() => hub.StoreAsync(caller, "/foo/bar/nope.txt", "x"));
        await RejectedAsync(() => hub.StoreAsync(caller, "foo/bar", "x"));
        Assert.Null(await hub.ReadTextAsync("nope/foo.txt"));
    }

    [Fact]
    public async Task PutFileScopesDoNotRestrictDeletes()
    {
        await hub.StoreAsync(TempHub.Caller(), "other.txt", "x");
        var caller = TempHub.Caller(new AuthScope(AuthScope.PutFile, "/foo/bar"));

        await hub.DeleteAsync(caller, "other.txt");

        Assert.Null(await hub.ReadTextAsync("other.txt"));
    }

    [Fact]
    public async Task DeleteScopesAllowOnlyTheirPathsAndPrefixes()
    {
        var caller = TempHub.Caller(new(AuthScope.DeleteFile, "/foo/bar"), new(AuthScope.DeleteFilePrefix, "baz"));
        await hub.StoreAsync(caller, "/foo/bar", "x");
        await hub.StoreAsync(caller, "baz/foo.txt", "x");
        await hub.StoreAsync(caller, "keep.txt", "x");

        await hub.DeleteAsync(caller, "/foo/bar");
        await hub.DeleteAsync(caller, "baz/foo.txt");

        await RejectedAsync(() => hub.DeleteAsync(caller, "keep.txt"));
        await RejectedAsync(() => hub.DeleteAsync(caller, "/nope/foo.txt"));
        await RejectedAsync(() => hub.DeleteAsync(caller, "/foo/bar/nope.txt"));
        Assert.Equal("keep.txt", Assert.Single(await hub.AllNamesAsync()));
    }

    [Fact]
    public async Task DeleteScopesDoNotRestrictWrites()
    {
        var caller = TempHub.Caller(new AuthScope(AuthScope.DeleteFile, "only-this"));

        await hub.StoreAsync(caller, "anything/else.txt", "x");

        Assert.Equal("x", await hub.ReadTextAsync("anything/else.txt"));
    }

    [Fact]
    public async Task MixedScopesOfCase12AllowExactlyTheirPaths()
    {
        var caller = TempHub.Caller(
            new(AuthScope.DeleteFile, "/foo/bar"), new(AuthScope.DeleteFilePrefix, "baz"),
            new(AuthScope.PutFile, "/foo/bar"), new(AuthScope.PutFilePrefix, "baz"));

        await hub.StoreAsync(caller, "/foo/bar", "x");
        await hub.DeleteAsync(caller, "/foo/bar");
        await hub.StoreAsync(caller, "baz/foo.txt", "x");
        await hub.DeleteAsync(caller, "baz/foo.txt");

        await RejectedAsync(() => hub.DeleteAsync(caller, "/nope/foo.txt"));
        await RejectedAsync(() => hub.DeleteAsync(caller, "/foo/bar/nope.txt"));
        await RejectedAsync(() => hub.StoreAsync(caller, "/nope/foo.txt", "x"));
        Assert.Empty(await hub.AllNamesAsync());
    }

    [Fact]
    public async Task ArchivalScopesRestrictBothWritesAndDeletes()
    {
        await hub.StoreAsync(TempHub.Caller(), "outside.txt", "x");
        var caller = TempHub.Caller(new AuthScope(AuthScope.PutFileArchivalPrefix, "baz"));

        await RejectedAsync(() => hub.StoreAsync(caller, "outside.txt", "y"));
        await RejectedAsync(() => hub.DeleteAsync(caller, "outside.txt"));

        Assert.Equal("x", await hub.ReadTextAsync("outside.txt"));
    }

    [Fact]
    public async Task AScopeViolationIsCheckedBeforeTheFileIsLookedUp()
    {
        var caller = TempHub.Caller(new AuthScope(AuthScope.DeleteFile, "allowed"));

        await RejectedAsync(() => hub.DeleteAsync(caller, "missing-and-forbidden"));
    }
}
