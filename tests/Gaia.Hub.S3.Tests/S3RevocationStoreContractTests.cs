using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Revocations;

namespace Gaia.Hub.S3.Tests;

/// <summary>The revocation contract over the S3 test server (also through several instances), in a fresh bucket per test.</summary>
public sealed class S3RevocationStoreContractTests(MotoFixture moto) : SharedRevocationStoreContract
{
    private S3TestStorage? storage;

    [Fact]
    public async Task TheTimestampIsTheDecimalTextOfAddressAuthAuthTimestampBesideTheFiles()
    {
        await Store.BumpAsync(Address, 2_147_483_649, Token);

        using var response = await storage!.Client.GetObjectAsync(storage.BucketName, $"{Address}-auth/authTimestamp", Token);
        using var reader = new StreamReader(response.ResponseStream);
        Assert.Equal("2147483649", await reader.ReadToEndAsync(Token));
        Assert.Equal("text/plain; charset=utf-8", response.Headers.ContentType);
        Assert.Equal([$"{Address}-auth/authTimestamp"], await storage.KeysAsync());
    }

    protected override async Task<IRevocationStore> OpenStoreAsync(int cacheSeconds)
    {
        storage ??= await S3TestStorage.CreateAsync(moto);
        return storage.RevocationStore(cacheSeconds);
    }

    protected override async Task DisposeStorageAsync() => await storage!.DisposeAsync();
}
