using System.Diagnostics;
using Gaia.Hub.Storage;

namespace Gaia.Hub.Telemetry;

/// <summary>
/// Wraps whichever <see cref="IStorageDriver"/> the hub runs on: each call becomes a client span on
/// <see cref="HubTelemetry.Source"/> and a measurement of <c>gaia.hub.storage.duration</c>, tagged with the driver
/// and the operation. Results and exceptions pass through unchanged.
/// </summary>
/// <param name="ownsInner">True when the inner driver was made for this wrapper only, so the wrapper disposes it.</param>
internal sealed class InstrumentedStorageDriver(IStorageDriver inner, string driver, HubTelemetry telemetry, bool ownsInner)
    : IStorageDriver, IDisposable
{
    public IStorageDriver Inner => inner;

    public void Dispose()
    {
        if (ownsInner && inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    public Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default) =>
        MeasureAsync("write", request.Bucket, () => inner.WriteAsync(request, cancellationToken));

    public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync("read", bucket, () => inner.ReadAsync(bucket, path, cancellationToken));

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync("stat", bucket, () => inner.StatAsync(bucket, path, cancellationToken));

    public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync("delete", bucket, () => inner.DeleteAsync(bucket, path, cancellationToken));

    public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default) =>
        MeasureAsync("rename", bucket, () => inner.RenameAsync(bucket, path, newPath, cancellationToken));

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) =>
        MeasureAsync("list", request.Bucket, () => inner.ListAsync(request, cancellationToken));

    private async Task<T> MeasureAsync<T>(string operation, string bucket, Func<Task<T>> call)
    {
        using var activity = HubTelemetry.Source.StartActivity($"storage {operation}", ActivityKind.Client);
        activity?.SetTag("gaia.storage.driver", driver);
        activity?.SetTag("gaia.storage.operation", operation);
        activity?.SetTag("gaia.bucket", bucket);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            telemetry.RecordStorageCall(driver, operation, null, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            telemetry.RecordStorageCall(driver, operation, e.GetType().Name, Stopwatch.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }
}
