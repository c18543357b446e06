namespace Gaia.Hub.Configuration;

/// <summary>The per-bucket write rate limit, bound from <c>Gaia:RateLimit</c>. Off unless <see cref="WritesPerSecond"/> is set.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gaia:RateLimit";

    /// <summary>Sustained stores, deletes and revocations per second for one bucket; 0 turns the limit off.</summary>
    public double WritesPerSecond { get; set; }

    /// <summary>How many writes a bucket may make at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 20;

    public bool Enabled => WritesPerSecond > 0;
}
