using System.Text.RegularExpressions;
using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Gaia.Hub.Storage;

namespace Gaia.Hub.Tests.Hub;

/// <summary>Archival scopes keep every replaced or deleted version as a history file (spec 3.9, 7, 12.2 case 11).</summary>
public sealed partial class HubServiceArchivalTests : IDisposable
{
    private readonly TempHub hub = new(o => o.PageSize = 2);
    private readonly GaiaIdentity archival = TempHub.Caller(
        new(AuthScope.PutFileArchival, "/foo/bar"), new(AuthScope.PutFileArchivalPrefix, "baz"));

    public void Dispose() => hub.Dispose();

    [GeneratedRegex(@"^baz/\.history\.\d+\.[0-9A-Za-z]{10}\.foo\.txt$")]
    private static partial Regex BazHistory();

    [GeneratedRegex(@"^foo/\.history\.\d+\.[0-9A-Za-z]{10}\.bar$")]
    private static partial Regex FooBarHistory();

    private async Task<(int Total, int BazHistories, int FooBarHistories, List<string> Names)> CountAsync()
    {
        var names = await hub.AllNamesAsync();
        return (names.Count, names.Count(n => BazHistory().IsMatch(n)), names.Count(n => FooBarHistory().IsMatch(n)), names);
    }

    [Fact]
    public async Task EveryStoreAndDeleteKeepsTheOldVersion()
    {
        await hub.StoreAsync(archival, "baz/foo.txt", "v1");
        Assert.Equal(1, (await CountAsync()).Total);
        await hub.StoreAsync(archival, "baz/foo.txt", "v2");
        Assert.Equal((2, 1, 0), Counts(await CountAsync()));
        await hub.StoreAsync(archival, "baz/foo.txt", "v3");
        Assert.Equal((3, 2, 0), Counts(await CountAsync()));
        await hub.StoreAsync(archival, "/foo/bar", "b1");
        Assert.Equal((4, 2, 0), Counts(await CountAsync()));
        await hub.StoreAsync(archival, "/foo/bar", "b2");
        var afterBar = await CountAsync();
        Assert.Equal((5, 2, 1), Counts(afterBar));
        Assert.Contains("foo/bar", afterBar.Names);

        await hub.DeleteAsync(archival, "/foo/bar");
        var afterDeleteBar = await CountAsync();
        Assert.Equal((5, 2, 2), Counts(afterDeleteBar));
        Assert.DoesNotContain("foo/bar", afterDeleteBar.Names);

        await hub.DeleteAsync(archival, "baz/foo.txt");
        var afterDeleteBaz = await CountAsync();
        Assert.Equal((5, 3, 2), Counts(afterDeleteBaz));
        Assert.DoesNotContain("baz/foo.txt", afterDeleteBaz.Names);

        await hub.StoreAsync(archival, "baz/foo.txt", "v4");
        Assert.Equal((6, 3, 2), Counts(await CountAsync()));
        Assert.Equal("v4", await hub.ReadTextAsync("baz/foo.txt"));
    }

    [Fact]
    public async Task AHistoryFileHoldsTheReplacedBytes()
    {
        await hub.StoreAsync(archival, "baz/foo.txt", "first");
        await hub.StoreAsync(archival, "baz/foo.txt", "second");

        var history = (await CountAsync()).Names.Single(n => BazHistory().IsMatch(n));

        Assert.Equal("first", await hub.ReadTextAsync(history));
        Assert.Equal("second", await hub.ReadTextAsync("baz/foo.txt"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ArchivalListingsHideHistoryFiles(bool stat)
    {
        await hub.StoreAsync(archival, "baz/foo.txt", "v1");
        await hub.StoreAsync(archival, "baz/foo.txt", "v2");
        await hub.StoreAsync(archival, "baz/foo.txt", "v3");

        var first = await hub.Service.ListAsync(archival, new ListFilesRequest(null, stat, null), TestContext.Current.CancellationToken);
        var second = await hub.Service.ListAsync(archival, new ListFilesRequest(first.Page, stat, null), TestContext.Current.CancellationToken);

        ListEntry?[] onlyNull = [null];
        Assert.Equal(onlyNull, first.Entries);
        Assert.NotNull(first.Page);
        Assert.Equal("baz/foo.txt", Assert.Single(second.Entries)!.Name);
        Assert.Equal(stat, second.Entries[0]!.Stat is not null);
        Assert.Null(second.Page);
    }

    [Fact]
    public async Task UnrestrictedListingsShowHistoryFiles()
    {
        await hub.StoreAsync(archival, "baz/foo.txt", "v1");
        await hub.StoreAsync(archival, "baz/foo.txt", "v2");

        Assert.Equal(1, (await CountAsync()).BazHistories);
    }

    [Theory]
    [InlineData("/nope/foo.txt")]
    [InlineData("/foo/bar/nope.txt")]
    public async Task DeletesOutsideTheArchivalDomainsAreRejected(string path) =>
        Assert.Equal(GaiaError.ValidationError, (await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(archival, path))).Error);

    [Fact]
    public async Task AnArchivalDeleteOfAMissingFileIsDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => hub.DeleteAsync(archival, "baz/missing.txt"));

        Assert.Equal(GaiaError.DoesNotExist, error.Error);
        Assert.Empty(await hub.AllNamesAsync());
    }

    private static (int, int, int) Counts((int Total, int Baz, int FooBar, List<string> Names) count) =>
        (count.Total, count.Baz, count.FooBar);
}
