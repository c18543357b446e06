using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Revocations;

/// <summary>
/// Revocation timestamps as <c>{root}/{address}-auth/authTimestamp</c> (the reference hub's layout), written
/// atomically. This process is the only writer, so the in-memory copy is always current.
/// </summary>
public sealed class DiskRevocationStore(IOptions<DiskStorageOptions> options) : IRevocationStore, IDisposable
{
    private const int MaxCached = 100_000;
    private readonly DiskLayout layout = new(options.Value);
    private readonly ConcurrentDictionary<string, long> cache = new(StringComparer.Ordinal);
    private readonly Lock writeLock = new();

    public ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(address, out var cached))
        {
            return ValueTask.FromResult(cached);
        }

        var value = ReadFile(address);
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        return ValueTask.FromResult(cache.GetOrAdd(address, value));
    }

    public Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default)
    {
        lock (writeLock)
        {
            var current = ReadFile(address);
            if (timestamp > current)
            {
                WriteFile(address, timestamp);
                current = timestamp;
            }

            cache[address] = current;
            return Task.FromResult(current);
        }
    }

    public void Dispose() => layout.Dispose();

    private string FileOf(string address) => layout.RevocationFile(address);

    private long ReadFile(string address)
    {
        try
        {
            return long.TryParse(File.ReadAllText(FileOf(address)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private void WriteFile(string address, long timestamp)
    {
        var temp = layout.NewTempFile();
        try
        {
            using (var stream = DiskFiles.CreateNew(temp))
            {
                stream.Write(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture)));
                stream.Flush(flushToDisk: true);
            }

            DiskFiles.Move(temp, FileOf(address));
        }
        finally
        {
            DiskFiles.DeleteQuietly(temp);
        }
    }
}
