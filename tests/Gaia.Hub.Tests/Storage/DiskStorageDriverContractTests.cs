using System.Security.Cryptography;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Storage;

/// <summary>The driver contract over a fresh temporary root per test, with records in extended attributes (the default here).</summary>
public class DiskStorageDriverContractTests : StorageDriverContract
{
    private readonly string root = Path.Join(Path.GetTempPath(), "gaia-disk-contract-" + Guid.NewGuid().ToString("N"));

    protected virtual DiskMetadataStore Metadata => DiskMetadataStore.Attribute;

    protected override Task<IStorageDriver> CreateDriverAsync() =>
        Task.FromResult<IStorageDriver>(new DiskStorageDriver(Options.Create(
            new DiskStorageOptions { RootDirectory = root, Durable = false, Metadata = Metadata })));

    protected override Task DisposeDriverAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    protected override void AssertETagFormat(string etag, byte[] content) =>
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), etag);
}

/// <summary>The same contract with records in sidecar files (the reference hub's layout).</summary>
public sealed class SidecarDiskStorageDriverContractTests : DiskStorageDriverContractTests
{
    protected override DiskMetadataStore Metadata => DiskMetadataStore.Sidecar;
}
