using System.Collections.Concurrent;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Dedicated threads for the disk driver's calls that wait on the device: fsync, and the renames and unlinks that
/// free blocks (with <c>discard</c> a freed block is a synchronous device command). On the thread pool such waits hold
/// workers the CPU-bound requests need, and the pool, sized for the cores, keeps too few of them waiting at once for
/// the device to serve them together. Here up to <see cref="MaxThreads"/> wait at once while the pool stays small;
/// threads start on demand and are shared by every driver of the process.
/// </summary>
internal static class DiskThreads
{
    public const int MaxThreads = 32;

    /// <summary>Beyond this many queued items, <see cref="Post"/> runs its work at once instead of queueing it.</summary>
    public const int MaxBacklog = 256;

    private static readonly BlockingCollection<Action> Queue = [];
    private static int started;
    private static int idle;

    /// <summary>Runs <paramref name="work"/> on a disk thread; the caller's continuation runs on the thread pool.</summary>
    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    /// <summary>
    /// Runs <paramref name="work"/> later on a disk thread, with nobody waiting for it: for work a request need not
    /// wait for, such as freeing a replaced file's blocks. When the backlog is long the caller runs it itself, so the
    /// queue stays bounded. <paramref name="work"/> must not throw.
    /// </summary>
    public static void Post(Action work)
    {
        if (Queue.Count >= MaxBacklog)
        {
            work();
            return;
        }

        Enqueue(work);
    }

    private static void Enqueue(Action work)
    {
        Queue.Add(work);
        if (Volatile.Read(ref idle) == 0 && Interlocked.Increment(ref started) is var count)
        {
            if (count <= MaxThreads)
            {
                new Thread(Loop) { IsBackground = true, Name = "gaia-disk-" + count }.Start();
            }
            else
            {
                Interlocked.Decrement(ref started);
            }
        }
    }

    private static void Loop()
    {
        while (true)
        {
            Interlocked.Increment(ref idle);
            var work = Queue.Take();
            Interlocked.Decrement(ref idle);
            work();
        }
    }
}
