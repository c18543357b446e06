using System.Net;
using Gaia.Hub.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>Write rate-limit refusals (429) are counted in gaia.hub.rate_limit.refusals by route.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class RateLimitMetricTests
{
    [Fact]
    public async Task EachRefusalIsCountedByRoute()
    {
        var ct = TestContext.Current.CancellationToken;
        var metrics = new List<Metric>();
        await using var hub = new HubApplication(new Dictionary<string, string?>
        {
            ["Gaia:RateLimit:WritesPerSecond"] = "0.1",
            ["Gaia:RateLimit:Burst"] = "1",
        });
        using var app = hub.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(metrics))));
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();

        using var first = await client.SendAsync(HubRequests.Store("a.txt", [1], token), ct);
        using var second = await client.SendAsync(HubRequests.Store("a.txt", [2], token), ct);
        using var third = await client.SendAsync(HubRequests.Delete("a.txt", token), ct);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests),
            (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.rate_limit.refusals", ("http.route", "/store/{*rest}")));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.rate_limit.refusals", ("http.route", "/delete/{*rest}")));
    }
}
