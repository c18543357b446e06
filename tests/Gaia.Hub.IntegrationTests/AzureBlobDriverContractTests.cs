using Gaia.Hub.Storage;
using Gaia.Hub.Storage.AzureBlob;
using Gaia.Hub.Tests.Storage;

namespace Gaia.Hub.IntegrationTests;

/// <summary>The driver contract over Azurite, in a fresh container per test that is deleted afterwards.</summary>
public sealed class AzureBlobDriverContractTests(AzuriteFixture azurite) : StorageDriverContract
{
    private AzureBlobDriver? driver;

    protected override int LargeFileSize => AzureTestStorage.BlockSize * 3 + 100;

    protected override async Task<IStorageDriver> CreateDriverAsync()
    {
        driver = AzureTestStorage.Driver(azurite, AzureTestStorage.NewContainerName());
        await driver.InitializeAsync(Token);
        return driver;
    }

    protected override async Task DisposeDriverAsync() => await driver!.Container.DeleteIfExistsAsync(cancellationToken: Token);

    protected override void AssertETagFormat(string etag, byte[] content) => Assert.Matches("^0x[0-9A-F]+$", etag);
}
