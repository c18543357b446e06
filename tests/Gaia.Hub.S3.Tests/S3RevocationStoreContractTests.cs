using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Revocations;

namespace Gaia.Hub.S3.Tests;

/// <summary>The revocation contract over the S3 test server, in a fresh bucket per test, plus what holds across instances there.</summary>
public sealed class S3RevocationStoreContractTests(MotoFixture moto) : S3RevocationStoreContract(moto)
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
        using var reader = Storage.RevocationStore(cacheSeconds: 1);
        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));

        await Store.BumpAsync(Address, 1_700_000_000, Token);

        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));
        await Task.Delay(TimeSpan.FromSeconds(1.2), Token);
        Assert.Equal(1_700_000_000, await reader.GetOldestValidTimestampAsync(Address, Token));
    }

    [Fact]
    public async Task TheTimestampIsTheDecimalTextOfAddressAuthAuthTimestampBesideTheFiles()
    {
        await Store.BumpAsync(Address, 2_147_483_649, Token);

        using var response = await Storage.Client.GetObjectAsync(Storage.BucketName, $"{Address}-auth/authTimestamp", Token);
        using var reader = new StreamReader(response.ResponseStream);
        Assert.Equal("2147483649", await reader.ReadToEndAsync(Token));
        Assert.Equal("text/plain; charset=utf-8", response.Headers.ContentType);
        Assert.Equal([$"{Address}-auth/authTimestamp"], await Storage.KeysAsync());
    }

}

/// <summary>
/// The revocation contract where the service ignores conditional writes: every store of a test is one hub instance's,
/// whose bumps take turns, so the timestamp still only rises (across instances it would not: see the README).
/// </summary>
public sealed class ConditionlessS3RevocationStoreContractTests(MotoFixture moto) : S3RevocationStoreContract(moto, new ConditionHeadersHttpClientFactory(drop: true));

/// <summary>The contract's storage: one bucket per test on the S3 test server, reached through <c>httpClientFactory</c> if given.</summary>
public abstract class S3RevocationStoreContract(MotoFixture moto, ConditionHeadersHttpClientFactory? httpClientFactory = null) : RevocationStoreContract
{
    private S3TestStorage? storage;

    private protected S3TestStorage Storage => storage!;

    protected override async Task<IRevocationStore> OpenStoreAsync()
    {
        storage ??= await S3TestStorage.CreateAsync(moto, httpClientFactory);
        return storage.RevocationStore();
    }

    protected override async Task DisposeStorageAsync() => await storage!.DisposeAsync();
}
