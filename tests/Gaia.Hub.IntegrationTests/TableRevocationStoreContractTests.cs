using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Revocations;

namespace Gaia.Hub.IntegrationTests;

/// <summary>The revocation contract over Azurite's table service, in a fresh table per test that is deleted afterwards.</summary>
public sealed class TableRevocationStoreContractTests(AzuriteFixture azurite) : SharedRevocationStoreContract
{
    private readonly string table = AzureTestStorage.NewTableName();

    [Fact]
    public async Task TheTimestampIsOneInt64EntityPerBucket()
    {
        await Store.BumpAsync(Address, 2_147_483_649, Token);

        var entity = (await ((TableRevocationStore)Store).Table.GetEntityAsync<Azure.Data.Tables.TableEntity>(Address, "revocation", cancellationToken: Token)).Value;
        Assert.IsType<long>(entity["OldestValidTimestamp"]);
        Assert.Equal(2_147_483_649, entity.GetInt64("OldestValidTimestamp"));
    }

    protected override async Task<IRevocationStore> OpenStoreAsync(int cacheSeconds)
    {
        var store = AzureTestStorage.RevocationStore(azurite, table, cacheSeconds);
        await store.InitializeAsync(Token);
        return store;
    }

    protected override async Task DisposeStorageAsync() => await azurite.CreateTableServiceClient().DeleteTableAsync(table, Token);
}
