using Gaia.Hub.Revocations;

namespace Gaia.Hub.Tests.Revocations;

/// <summary>
/// The revocation contract for stores whose storage several hub instances share (Azure Table, S3): bumps through
/// several instances end at their maximum, and a bump made through another instance is seen once the cached value expires.
/// </summary>
public abstract class SharedRevocationStoreContract : RevocationStoreContract
{
    [Fact]
    public async Task ConcurrentBumpsThroughSeveralInstancesEndAtTheirMaximum()
    {
        var stores = new[] { Store, await OpenAsync(), await OpenAsync() };
        var values = Enumerable.Range(1, 24).Select(i => 1_700_000_000L + (i * 5 % 24)).ToArray();

        var results = await Task.WhenAll(values.Select((value, i) => Task.Run(() => stores[i % stores.Length].BumpAsync(Address, value, Token), Token)));

        Assert.All(results.Zip(values), pair => Assert.True(pair.First >= pair.Second));
        Assert.Equal(values.Max(), await (await OpenAsync()).GetOldestValidTimestampAsync(Address, Token));
    }

    [Fact]
    public async Task AnotherInstancesBumpIsSeenOnceTheCachedValueExpires()
    {
        var reader = await OpenStoreAsync(cacheSeconds: 1);
        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));

        await Store.BumpAsync(Address, 1_700_000_000, Token);

        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));
        await Task.Delay(TimeSpan.FromSeconds(1.2), Token);
        Assert.Equal(1_700_000_000, await reader.GetOldestValidTimestampAsync(Address, Token));
        (reader as IDisposable)?.Dispose();
    }

    protected override Task<IRevocationStore> OpenStoreAsync() => OpenStoreAsync(cacheSeconds: 5);

    /// <summary>Opens another instance's store over this test's storage, caching what it reads for <paramref name="cacheSeconds"/>.</summary>
    protected abstract Task<IRevocationStore> OpenStoreAsync(int cacheSeconds);
}
