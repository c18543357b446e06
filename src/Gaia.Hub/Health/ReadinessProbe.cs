using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gaia.Hub.Health;

/// <summary>
/// Runs the checks tagged <see cref="HealthRegistration.ReadyTag"/> at most once per <see cref="CacheFor"/>: callers
/// meanwhile get the last report, and callers during a run share it, so probes and load balancers cannot multiply
/// the storage calls. Each check is bounded by <see cref="HealthRegistration.CheckTimeout"/>.
/// </summary>
public sealed class ReadinessProbe(HealthCheckService health, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);

    private readonly Lock gate = new();
    private Task<HealthReport>? last;
    private DateTimeOffset expires;

    public Task<HealthReport> CheckAsync()
    {
        lock (gate)
        {
            if (last is null || (last.IsCompleted && time.GetUtcNow() >= expires))
            {
                last = RunAsync();
            }

            return last;
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthRegistration.ReadyTag));
        lock (gate)
        {
            expires = time.GetUtcNow() + CacheFor;
        }

        return report;
    }
}
