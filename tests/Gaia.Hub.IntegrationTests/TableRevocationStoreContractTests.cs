using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Revocations;

namespace Gaia.Hub.IntegrationTests;

/// <summary>The revocation contract over Azurite's table service, in a fresh table per test that is deleted afterwards.</summary>
public sealed class TableRevocationStoreContractTests(AzuriteFixture azurite) : RevocationStoreContract
{
    private readonly string table = AzureTestStorage.NewTableName();

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
        var reader = AzureTestStorage.RevocationStore(azurite, table, cacheSeconds: 1);
        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));

        await Store.BumpAsync(Address, 1_700_000_000, Token);

        Assert.Equal(0, await reader.GetOldestValidTimestampAsync(Address, Token));
        await Task.Delay(TimeSpan.FromSeconds(1.2), Token);
        Assert.Equal(1_700_000_000, await reader.GetOldestValidTimestampAsync(Address, Token));
        reader.Dispose();
    }

    [Fact]
    public async Task TheTimestampIsOneInt64EntityPerBucket()
    {
        await Store.BumpAsync(Address, 2_147_483_649, Token);

        var entity = (await ((TableRevocationStore)Store).Table.GetEntityAsync<Azure.Data.Tables.TableEntity>(Address, "revocation", cancellationToken: Token)).Value;
        Assert.IsType<long>(entity["OldestValidTimestamp"]);
        Assert.Equal(2_147_483_649, entity.GetInt64("OldestValidTimestamp"));
    }

    protected override async Task<IRevocationStore> OpenStoreAsync()
    {
        var store = AzureTestStorage.RevocationStore(azurite, table);
        await store.InitializeAsync(Token);
        return store;
    }

    protected override async Task DisposeStorageAsync() => await azurite.CreateTableServiceClient().DeleteTableAsync(table, Token);
}
