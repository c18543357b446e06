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
    private static readonly Operation Write = new("write");
    private static readonly Operation Read = new("read");
    private static readonly Operation Stat = new("stat");
    private static readonly Operation Delete = new("delete");
    private static readonly Operation Rename = new("rename");
    private static readonly Operation List = new("list");

    public IStorageDriver Inner => inner;

    public void Dispose()
    {
        if (ownsInner && inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    // Each call passes its arguments as state to a static lambda: no closure is allocated per call.
    public Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default) =>
        MeasureAsync(Write, request.Bucket, (inner, request, cancellationToken),
            static s => s.inner.WriteAsync(s.request, s.cancellationToken));

    public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync(Read, bucket, (inner, bucket, path, cancellationToken),
            static s => s.inner.ReadAsync(s.bucket, s.path, s.cancellationToken));

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync(Stat, bucket, (inner, bucket, path, cancellationToken),
            static s => s.inner.StatAsync(s.bucket, s.path, s.cancellationToken));

    public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        MeasureAsync(Delete, bucket, (inner, bucket, path, cancellationToken),
            static s => s.inner.DeleteAsync(s.bucket, s.path, s.cancellationToken));

    public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default) =>
        MeasureAsync(Rename, bucket, (inner, bucket, path, newPath, cancellationToken),
            static s => s.inner.RenameAsync(s.bucket, s.path, s.newPath, s.cancellationToken));

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) =>
        MeasureAsync(List, request.Bucket, (inner, request, cancellationToken),
            static s => s.inner.ListAsync(s.request, s.cancellationToken));

    private async Task<T> MeasureAsync<TState, T>(Operation operation, string bucket, TState state, Func<TState, Task<T>> call)
    {
        using var activity = HubTelemetry.Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gaia.storage.driver", driver);
            activity.SetTag("gaia.storage.operation", operation.Name);
            activity.SetTag("gaia.bucket", bucket);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call(state);
            telemetry.RecordStorageCall(driver, operation.Name, null, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e)
        {
            telemetry.RecordStorageCall(driver, operation.Name, e.GetType().Name, Stopwatch.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }

    /// <summary>An operation's tag value and span name, both made once.</summary>
    private sealed class Operation(string name)
    {
        public string Name { get; } = name;

        public string SpanName { get; } = "storage " + name;
    }
}
