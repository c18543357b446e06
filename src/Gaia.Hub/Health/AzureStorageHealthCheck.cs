using Azure;
using Azure.Data.Tables;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage.AzureBlob;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gaia.Hub.Health;

/// <summary>
/// Readiness of the azure driver: the blob container answers a properties request and the revocation table a
/// one-row query, each a single cheap call.
/// </summary>
internal sealed class AzureStorageHealthCheck(AzureBlobDriver blobs, TableRevocationStore revocations) : IHealthCheck
{
    private const string ProbeFilter = "PartitionKey eq 'gaia-health-probe'";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var part = "blob container";
        try
        {
            await blobs.Container.GetPropertiesAsync(cancellationToken: cancellationToken);
            part = "revocation table";
            await foreach (var _ in revocations.Table.QueryAsync<TableEntity>(ProbeFilter, maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            {
                break;
            }

            return HealthCheckResult.Healthy("The blob container and the revocation table are reachable.");
        }
        catch (RequestFailedException e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(
                e.Status == 0 ? $"The {part} is unreachable." : $"The {part} answered {e.Status} {e.ErrorCode}.", e);
        }
    }
}
