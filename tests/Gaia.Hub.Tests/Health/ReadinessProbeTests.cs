using Gaia.Hub.Health;
using Gaia.Hub.Tests.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gaia.Hub.Tests.Health;

public sealed class ReadinessProbeTests
{
    [Fact]
    public async Task AReportIsReusedForTheCachePeriodThenTheChecksRunAgain()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var health = new CountingHealthService(HealthStatus.Healthy);
        var probe = new ReadinessProbe(health, clock);

        var first = await probe.CheckAsync();
        health.Status = HealthStatus.Unhealthy;
        clock.Now += ReadinessProbe.CacheFor - TimeSpan.FromMilliseconds(1);
        var cached = await probe.CheckAsync();
        clock.Now += TimeSpan.FromMilliseconds(1);
        var fresh = await probe.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Same(first, cached);
        Assert.Equal(HealthStatus.Unhealthy, fresh.Status);
        Assert.Equal(2, health.Runs);
    }

    [Fact]
    public async Task CallersDuringARunShareIt()
    {
        var health = new CountingHealthService(HealthStatus.Healthy) { Gate = new TaskCompletionSource() };
        var probe = new ReadinessProbe(health, new ManualClock(DateTimeOffset.UtcNow));

        var calls = Enumerable.Range(0, 10).Select(_ => probe.CheckAsync()).ToList();
        health.Gate.SetResult();
        var reports = await Task.WhenAll(calls);

        Assert.Equal(1, health.Runs);
        Assert.All(reports, report => Assert.Same(reports[0], report));
    }

    [Fact]
    public async Task OnlyTheChecksTaggedReadyRun()
    {
        var health = new CountingHealthService(HealthStatus.Healthy);

        await new ReadinessProbe(health, TimeProvider.System).CheckAsync();

        var registration = new HealthCheckRegistration("x", _ => null!, null, [HealthRegistration.ReadyTag]);
        Assert.True(health.Predicate!(registration));
        Assert.False(health.Predicate!(new HealthCheckRegistration("y", _ => null!, null, ["other"])));
    }

    private sealed class CountingHealthService(HealthStatus status) : HealthCheckService
    {
        public HealthStatus Status { get; set; } = status;

        public int Runs { get; private set; }

        public TaskCompletionSource? Gate { get; init; }

        public Func<HealthCheckRegistration, bool>? Predicate { get; private set; }

        public override async Task<HealthReport> CheckHealthAsync(
            Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
        {
            Runs++;
            Predicate = predicate;
            if (Gate is not null)
            {
                await Gate.Task;
            }

            var entry = new HealthReportEntry(Status, null, TimeSpan.Zero, null, null);
            return new HealthReport(new Dictionary<string, HealthReportEntry> { ["storage"] = entry }, TimeSpan.Zero);
        }
    }
}
