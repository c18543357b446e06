using Gaia.Hub.Revocations;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Revocation timestamps in a dictionary; counts reads so tests can see whether the check ran.</summary>
internal sealed class FakeRevocationStore : IRevocationStore
{
    private readonly Dictionary<string, long> timestamps = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public void Set(string address, long timestamp) => timestamps[address] = timestamp;

    public ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default)
    {
        Reads++;
        return ValueTask.FromResult(timestamps.GetValueOrDefault(address));
    }

    public Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default)
    {
        var value = Math.Max(timestamps.GetValueOrDefault(address), timestamp);
        timestamps[address] = value;
        return Task.FromResult(value);
    }
}
