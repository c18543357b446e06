using Microsoft.Extensions.Caching.Memory;

namespace Gaia.Hub.Revocations;

/// <summary>
/// The recently read revocation timestamps of a store whose storage other hub instances also write (Azure Table, S3):
/// kept for a bounded time, so a revocation made elsewhere is honoured here within that time, and never lowered.
/// </summary>
public sealed class RevocationCache(TimeSpan keepFor) : IDisposable
{
    private const int MaxCached = 100_000;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxCached });

    public bool TryGet(string address, out long timestamp) => cache.TryGetValue(address, out timestamp);

    /// <summary>Keeps the value, never below one already kept (the value only increases); returns the value kept.</summary>
    public long Remember(string address, long value)
    {
        if (cache.TryGetValue(address, out long known) && known > value)
        {
            value = known;
        }

        if (keepFor > TimeSpan.Zero)
        {
            cache.Set(address, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keepFor });
        }

        return value;
    }

    public void Dispose() => cache.Dispose();
}
