using System.Collections.Concurrent;
using System.Diagnostics;
using Gaia.Cli.Hubs;

namespace Gaia.Cli.Migration;

/// <summary>
/// Copies every file of one bucket from a source hub to a destination hub, a bounded number at a time, then (if asked,
/// and only when every file is verified) deletes the source's files. Running it again resumes: identical files are skipped.
/// </summary>
internal sealed class Migrator(HubClient source, HubClient destination, string address, int parallelism, IMigrationProgress progress,
    Action<FileOutcome>? onSettled = null)
{
    public async Task<MigrationReport> RunAsync(bool deleteSource, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var files = await ListAsync(source, cancellationToken);
        var existing = await ListAsync(destination, cancellationToken);
        progress.Start(files.Count, files.Values.Sum(f => f.ContentLength ?? 0));

        var copier = new FileCopier(source, destination, address, progress);
        var outcomes = new ConcurrentDictionary<string, FileOutcome>(StringComparer.Ordinal);
        var interrupted = !await RunUntilCancelledAsync(files.Values, async (file, token) =>
        {
            var outcome = await copier.SettleAsync(file, existing.GetValueOrDefault(file.Name), token);
            outcomes[file.Name] = outcome;
            progress.FileSettled(outcome);
            onSettled?.Invoke(outcome);
        }, cancellationToken);

        var settled = outcomes.Values.OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        var failed = settled.Count(o => o.Status == FileStatus.Failed);
        var notStarted = files.Count - settled.Count;
        var deleteFailures = new ConcurrentQueue<DeleteFailure>();
        var deleted = 0;
        string? kept = null;
        if (deleteSource)
        {
            kept = interrupted || failed > 0 || notStarted > 0
                ? "not every file was verified at the destination"
                : null;
            if (kept is null)
            {
                var verified = settled.Where(o => o.Status is FileStatus.Copied or FileStatus.Skipped);
                interrupted = !await RunUntilCancelledAsync(verified, async (outcome, token) =>
                {
                    try
                    {
                        await source.DeleteAsync(outcome.Path, token);
                        Interlocked.Increment(ref deleted);
                    }
                    catch (CliException e)
                    {
                        deleteFailures.Enqueue(new DeleteFailure(outcome.Path, e.Message));
                    }
                }, cancellationToken);
            }
        }

        return new MigrationReport(address, source.Url, destination.Url, files.Count,
            settled.Count(o => o.Status == FileStatus.Copied), settled.Count(o => o.Status == FileStatus.Skipped),
            settled.Count(o => o.Status == FileStatus.Ignored), failed, notStarted,
            settled.Where(o => o.Status == FileStatus.Copied).Sum(o => o.Bytes), clock.Elapsed.TotalSeconds, interrupted,
            deleteSource, deleted, kept, [.. deleteFailures.OrderBy(f => f.Path, StringComparer.Ordinal)], settled);
    }

    /// <summary>Every file the hub lists for the bucket, by name (a name listed twice counts once).</summary>
    private static async Task<SortedDictionary<string, ListedFile>> ListAsync(HubClient hub, CancellationToken cancellationToken)
    {
        var files = new SortedDictionary<string, ListedFile>(StringComparer.Ordinal);
        await foreach (var file in hub.ListAsync(stat: true, cancellationToken))
        {
            files[file.Name] = file;
        }

        return files;
    }

    /// <summary>Runs <paramref name="body"/> over the items, <c>parallelism</c> at a time; false when cancelled midway.</summary>
    private async Task<bool> RunUntilCancelledAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, body);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
