using Azure;
using Azure.Data.Tables;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Revocations;

/// <summary>
/// Revocation timestamps in Azure Table Storage, shared by every hub instance: one entity per bucket
/// (PartitionKey = address, RowKey <c>revocation</c>) with an Int64 <c>OldestValidTimestamp</c>. A bump reads the
/// entity and writes it back conditioned on its ETag (or adds it when missing), retrying when another writer came
/// first, so concurrent bumps from any number of instances end at their maximum and the value never goes down.
/// </summary>
/// <remarks>
/// Reads are cached for <see cref="AzureStorageOptions.RevocationCacheSeconds"/> (default 5 s). A revocation made
/// through this instance applies here at once; one made through another instance is honoured here within that bound.
/// </remarks>
public sealed class TableRevocationStore : IRevocationStore, IDisposable
{
    public const string RowKey = "revocation";
    public const string TimestampProperty = "OldestValidTimestamp";
    private const int MaxAttempts = 50;
    private readonly RevocationCache cache;

    public TableRevocationStore(TableServiceClient service, IOptions<AzureStorageOptions> options)
    {
        Table = service.GetTableClient(options.Value.TableName);
        cache = new RevocationCache(TimeSpan.FromSeconds(options.Value.RevocationCacheSeconds));
    }

    public TableClient Table { get; }

    /// <summary>Creates the table unless it exists.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Table.CreateIfNotExistsAsync(cancellationToken);

    public async ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(address, out var cached))
        {
            return cached;
        }

        var entity = await ReadAsync(address, cancellationToken);
        return cache.Remember(address, TimestampOf(entity));
    }

    public async Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var entity = await ReadAsync(address, cancellationToken);
            var current = TimestampOf(entity);
            if (current >= timestamp)
            {
                return cache.Remember(address, current);
            }

            try
            {
                var raised = new TableEntity(address, RowKey) { [TimestampProperty] = timestamp };
                if (entity is null)
                {
                    await Table.AddEntityAsync(raised, cancellationToken);
                }
                else
                {
                    await Table.UpdateEntityAsync(raised, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return cache.Remember(address, timestamp);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance wrote first: read its value and decide again.
            }
        }

        throw GaiaException.Conflict("The revocation timestamp kept changing; try again.");
    }

    public void Dispose() => cache.Dispose();

    private async Task<TableEntity?> ReadAsync(string address, CancellationToken cancellationToken)
    {
        if (!GaiaPath.IsAddress(address))
        {
            throw new ArgumentException("Not an address.", nameof(address));
        }

        var response = await Table.GetEntityIfExistsAsync<TableEntity>(address, RowKey, [TimestampProperty], cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static long TimestampOf(TableEntity? entity) => entity?.GetInt64(TimestampProperty) ?? 0;
}
