using System.Collections.Concurrent;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Dedicated threads for the disk driver's calls that wait on the device: file creation, fsync, and the renames and
/// unlinks that free blocks (with <c>discard</c> a freed block is a synchronous device command). On the thread pool such
/// waits hold workers the CPU-bound requests need, and the pool, sized for the cores, keeps too few of them waiting at
/// once for the device to serve them together. Threads start on demand and are shared by every driver of the process.
/// </summary>
internal sealed class DiskThreads
{
    /// <summary>The writes, deletes and renames requests wait for.</summary>
    public static readonly DiskThreads Device = new("gaia-disk", maxThreads: 16);

    /// <summary>Closing replaced files, which frees their blocks: nobody waits for it.</summary>
    public static readonly DiskThreads Release = new("gaia-free", maxThreads: 4);

    /// <summary>Beyond this many queued items, <see cref="Post"/> runs its work at once instead of queueing it.</summary>
    public const int MaxBacklog = 256;

    private readonly BlockingCollection<Action> queue = [];
    private readonly string name;
    private readonly int maxThreads;
    private int started;
    private int idle;

    private DiskThreads(string name, int maxThreads) => (this.name, this.maxThreads) = (name, maxThreads);

    /// <summary>Runs <paramref name="work"/> on one of these threads; the caller's continuation runs on the thread pool.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
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
    /// Runs <paramref name="work"/> later on one of these threads, with nobody waiting for it. When the backlog is long
    /// the caller runs it itself, so the queue stays bounded. <paramref name="work"/> must not throw.
    /// </summary>
    public void Post(Action work)
    {
        if (queue.Count >= MaxBacklog)
        {
            work();
            return;
        }

        Enqueue(work);
    }

    private void Enqueue(Action work)
    {
        queue.Add(work);
        if (Volatile.Read(ref idle) == 0 && Interlocked.Increment(ref started) is var count)
        {
            if (count <= maxThreads)
            {
                new Thread(Loop) { IsBackground = true, Name = $"{name}-{count}" }.Start();
            }
            else
            {
                Interlocked.Decrement(ref started);
            }
        }
    }

    private void Loop()
    {
        while (true)
        {
            Interlocked.Increment(ref idle);
            var work = queue.Take();
            Interlocked.Decrement(ref idle);
            work();
        }
    }
}
