using Gaia.Hub.Revocations;
using Microsoft.Extensions.Hosting;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>Creates the blob container and the revocation table when the host starts; the host does not start if that fails.</summary>
internal sealed class AzureStorageInitializer(AzureBlobDriver blobs, TableRevocationStore revocations) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await blobs.InitializeAsync(cancellationToken);
        await revocations.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
