using System.Collections.Concurrent;
using Gaia.Hub.Errors;

namespace Gaia.Hub.Hub;

/// <summary>The per-path mutex of the reference hub: a second store or delete of a path in flight gets 409.</summary>
internal sealed class PathLocks
{
    private readonly ConcurrentDictionary<string, string> held = new(StringComparer.Ordinal);

    public Releaser Acquire(string address, string path, string operation)
    {
        var key = address + "/" + path;
        if (!held.TryAdd(key, operation))
        {
            throw GaiaException.Conflict($"Concurrent {operation} on {key}: another store or delete of it is in progress.");
        }

        return new Releaser(held, key);
    }

    internal readonly struct Releaser(ConcurrentDictionary<string, string> held, string key) : IDisposable
    {
        public void Dispose() => held.TryRemove(key, out _);
    }
}
