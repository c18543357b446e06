namespace Gaia.Hub.Revocations;

/// <summary>Per-bucket "oldest valid token" timestamps (spec 4). A timestamp only ever increases.</summary>
public interface IRevocationStore
{
    /// <summary>The bucket's oldest valid <c>iat</c> in Unix seconds, or 0 when it was never revoked.</summary>
    ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Raises the timestamp to <paramref name="timestamp"/> unless it is already higher; returns the value now in force.</summary>
    Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default);
}
