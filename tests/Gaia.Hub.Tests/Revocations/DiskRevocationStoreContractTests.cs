using Gaia.Hub.Configuration;
using Gaia.Hub.Revocations;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Revocations;

/// <summary>The revocation contract over a fresh temporary root per test.</summary>
public sealed class DiskRevocationStoreContractTests : RevocationStoreContract
{
    private readonly string root = Path.Join(Path.GetTempPath(), "gaia-revocation-contract-" + Guid.NewGuid().ToString("N"));

    protected override Task<IRevocationStore> OpenStoreAsync() =>
        Task.FromResult<IRevocationStore>(new DiskRevocationStore(Options.Create(new DiskStorageOptions { RootDirectory = root })));

    protected override Task DisposeStorageAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
