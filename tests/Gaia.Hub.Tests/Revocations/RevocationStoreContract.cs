using Gaia.Hub.Revocations;

namespace Gaia.Hub.Tests.Revocations;

/// <summary>
/// What every <see cref="IRevocationStore"/> does alike (spec 4): 0 until revoked, and a timestamp that only ever
/// increases, also under concurrent bumps. Each store has a small subclass over fresh storage per test.
/// </summary>
public abstract class RevocationStoreContract : IAsyncLifetime
{
    protected const string Address = "1RevocationBucket";
    private readonly List<IRevocationStore> opened = [];

    protected IRevocationStore Store { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Store = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened.OfType<IDisposable>())
        {
            store.Dispose();
        }

        await DisposeStorageAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ABucketNeverRevokedHasZero() =>
        Assert.Equal(0, await Store.GetOldestValidTimestampAsync(Address, Token));

    [Fact]
    public async Task ABumpRaisesTheTimestamp()
    {
        Assert.Equal(1_700_000_000, await Store.BumpAsync(Address, 1_700_000_000, Token));
        Assert.Equal(1_700_000_500, await Store.BumpAsync(Address, 1_700_000_500, Token));

        Assert.Equal(1_700_000_500, await Store.GetOldestValidTimestampAsync(Address, Token));
        Assert.Equal(0, await Store.GetOldestValidTimestampAsync("1OtherBucket", Token));
    }

    [Fact]
    public async Task ALowerBumpKeepsTheHigherValue()
    {
        await Store.BumpAsync(Address, 1_700_000_500, Token);

        Assert.Equal(1_700_000_500, await Store.BumpAsync(Address, 1_700_000_000, Token));
        Assert.Equal(1_700_000_500, await Store.GetOldestValidTimestampAsync(Address, Token));
        Assert.Equal(1_700_000_500, await (await OpenAsync()).GetOldestValidTimestampAsync(Address, Token));
    }

    [Theory]
    [InlineData(2_147_483_649L)]
    [InlineData(253_402_300_799L)]
    public async Task ValuesAboveTwoToTheThirtyFirstAreKeptExactly(long timestamp)
    {
        await Store.BumpAsync(Address, timestamp, Token);

        Assert.Equal(timestamp, await (await OpenAsync()).GetOldestValidTimestampAsync(Address, Token));
    }

    [Fact]
    public async Task ConcurrentBumpsEndAtTheirMaximum()
    {
        var values = Enumerable.Range(1, 24).Select(i => 1_700_000_000L + (i * 7919 % 24)).ToArray();

        var results = await Task.WhenAll(values.Select(value => Task.Run(() => Store.BumpAsync(Address, value, Token), Token)));

        Assert.All(results.Zip(values), pair => Assert.True(pair.First >= pair.Second));
        Assert.Equal(values.Max(), await Store.GetOldestValidTimestampAsync(Address, Token));
        Assert.Equal(values.Max(), await (await OpenAsync()).GetOldestValidTimestampAsync(Address, Token));
    }

    /// <summary>Opens a store over this test's storage; every call gives a new instance (as another hub process would have).</summary>
    protected abstract Task<IRevocationStore> OpenStoreAsync();

    protected virtual Task DisposeStorageAsync() => Task.CompletedTask;

    protected async Task<IRevocationStore> OpenAsync()
    {
        var store = await OpenStoreAsync();
        opened.Add(store);
        return store;
    }
}
