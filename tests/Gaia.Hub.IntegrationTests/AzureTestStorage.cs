using Gaia.Hub.Configuration;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage.AzureBlob;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.IntegrationTests;

/// <summary>Drivers and stores over Azurite, each test with its own randomly named container or table.</summary>
internal static class AzureTestStorage
{
    /// <summary>Small upload blocks, so that files of a few hundred KiB already take the staged-blocks path.</summary>
    public const int BlockSize = 64 * 1024;

    public static string NewContainerName() => "c" + Guid.NewGuid().ToString("N");

    public static string NewTableName() => "t" + Guid.NewGuid().ToString("N");

    public static AzureBlobDriver Driver(AzuriteFixture azurite, string container, string cacheControl = "no-cache") => new(
        azurite.CreateBlobServiceClient(),
        Options.Create(new AzureStorageOptions { ContainerName = container, UploadBlockSizeBytes = BlockSize }),
        Options.Create(new GaiaHubOptions { CacheControl = cacheControl }));

    public static TableRevocationStore RevocationStore(AzuriteFixture azurite, string table, int cacheSeconds = 5) => new(
        azurite.CreateTableServiceClient(),
        Options.Create(new AzureStorageOptions { TableName = table, RevocationCacheSeconds = cacheSeconds }));
}
