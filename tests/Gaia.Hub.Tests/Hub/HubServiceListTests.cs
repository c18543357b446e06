using Gaia.Hub.Authentication;
using Gaia.Hub.Hub;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Hub;

/// <summary>Listing a bucket (spec 7): names relative to the bucket, optional stats, pages that end with null.</summary>
public sealed class HubServiceListTests : IDisposable
{
    private readonly TempHub hub = new(o => o.PageSize = 2);

    public void Dispose() => hub.Dispose();

    private Task<ListFilesResult> ListAsync(string? page = null, bool stat = false, string? prefix = null) =>
        hub.Service.ListAsync(TempHub.Caller(), new ListFilesRequest(page, stat, prefix), TestContext.Current.CancellationToken);

    [Fact]
    public async Task AnEmptyBucketHasNoEntriesAndNoNextPage()
    {
        var result = await ListAsync();

        Assert.Empty(result.Entries);
        Assert.Null(result.Page);
    }

    [Fact]
    public async Task PagesFollowInNameOrderAndTheLastHasNoNextPage()
    {
        foreach (var name in new[] { "e", "a/2", "c", "a/1", "b" })
        {
            await hub.StoreAsync(TempHub.Caller(), name, name);
        }

        var first = await ListAsync();
        var second = await ListAsync(first.Page);
        var third = await ListAsync(second.Page);

        Assert.Equal(["a/1", "a/2"], first.Entries.Select(e => e!.Name));
        Assert.Equal(["b", "c"], second.Entries.Select(e => e!.Name));
        Assert.Equal(["e"], third.Entries.Select(e => e!.Name));
        Assert.NotNull(first.Page);
        Assert.NotNull(second.Page);
        Assert.Null(third.Page);
    }

    [Fact]
    public async Task AFullLastPageHasNoNextPage()
    {
        await hub.StoreAsync(TempHub.Caller(), "a", "x");
        await hub.StoreAsync(TempHub.Caller(), "b", "x");

        var result = await ListAsync();

        Assert.Equal(2, result.Entries.Count);
        Assert.Null(result.Page);
    }

    [Fact]
    public async Task StatEntriesCarryETagLengthAndContentType()
    {
        var stored = await hub.StoreAsync(TempHub.Caller(), "settings.json", "{\"a\":1}", "application/json");

        var entry = Assert.Single((await ListAsync(stat: true)).Entries);

        Assert.Equal("settings.json", entry!.Name);
        Assert.Equal(stored.ETag, entry.Stat!.ETag);
        Assert.Equal(7, entry.Stat.ContentLength);
        Assert.Equal("application/json", entry.Stat.ContentType);
        Assert.True(entry.Stat.LastModified > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task NameListingsCarryNoStats()
    {
        await hub.StoreAsync(TempHub.Caller(), "a", "x");

        Assert.Null(Assert.Single((await ListAsync()).Entries)!.Stat);
    }

    [Fact]
    public async Task APrefixNarrowsTheListing()
    {
        await hub.StoreAsync(TempHub.Caller(), "photos/a.jpg", "x");
        await hub.StoreAsync(TempHub.Caller(), "photos2.txt", "x");
        await hub.StoreAsync(TempHub.Caller(), "notes.txt", "x");

        var result = await ListAsync(prefix: "photos/");

        Assert.Equal("photos/a.jpg", Assert.Single(result.Entries)!.Name);
        Assert.Null(result.Page);
    }

    [Fact]
    public async Task RevocationTimestampsAreNotListedAsFiles()
    {
        await hub.StoreAsync(TempHub.Caller(), "a", "x");
        await hub.Service.RevokeAllAsync(TempHub.Caller(), 1_700_000_000, TestContext.Current.CancellationToken);

        Assert.Equal("a", Assert.Single(await hub.AllNamesAsync()));
    }

    [Fact]
    public async Task AnotherBucketsFilesAreNotListed()
    {
        await hub.StoreAsync(TempHub.Caller(), "mine", "x");
        var other = new GaiaIdentity(TestKeys.Address1, TestKeys.Address1, ScopeSet.Unrestricted, IsLegacy: false);
        await hub.StoreAsync(other, "theirs", "x");

        Assert.Equal("mine", Assert.Single(await hub.AllNamesAsync()));
    }
}
