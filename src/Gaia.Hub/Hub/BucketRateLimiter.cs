using System.Threading.RateLimiting;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Hub;

/// <summary>
/// A token bucket per Gaia bucket for the writes of authenticated callers (stores, deletes, revocations): a bucket
/// over its rate gets 429 with Retry-After, other buckets are unaffected. It is taken after the token check, so nobody
/// can use up another user's rate. Each hub instance counts on its own.
/// </summary>
public sealed class BucketRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter;

    public BucketRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Whole tokens per period: one token every 1/rate seconds, or several every 10 ms for high rates.
        var period = TimeSpan.FromSeconds(Math.Max(1 / settings.WritesPerSecond, 0.01));
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(settings.WritesPerSecond * period.TotalSeconds));
        limiter = PartitionedRateLimiter.Create<string, string>(bucket => RateLimitPartition.GetTokenBucketLimiter(bucket,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.Burst,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Counts one write for <paramref name="bucket"/>; false, with when to try again, when the bucket is over its rate.</summary>
    public bool TryAcquire(string bucket, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limiter is null)
        {
            return true;
        }

        using var lease = limiter.AttemptAcquire(bucket);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    /// <summary>The 429 for a bucket over its rate.</summary>
    public static GaiaException Refusal(string bucket, TimeSpan retryAfter) => new(GaiaError.TooManyRequestsError,
        $"Too many writes to bucket {bucket}; try again in {Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))} s.", retryAfter: retryAfter);

    public void Dispose() => limiter?.Dispose();
}
