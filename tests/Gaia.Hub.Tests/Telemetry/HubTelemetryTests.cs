using System.Diagnostics;
using System.Net;
using Gaia.Hub.Telemetry;
using Gaia.Hub.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>The hub's metrics and spans, collected by OpenTelemetry in-memory exporters after real requests.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class HubTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoreListAndReadShowUpAsRequestByteTokenAndStorageMetrics()
    {
        var metrics = new List<Metric>();
        await using var hub = new HubApplication();
        using var app = hub.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(metrics))));
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var content = new byte[1500];
        Random.Shared.NextBytes(content);

        using var stored = await client.SendAsync(HubRequests.Store("t/a.bin", content, token), Ct);
        using var listed = await client.SendAsync(HubRequests.ListFiles("{}", token), Ct);
        using var refused = await client.SendAsync(HubRequests.Store("t/b.bin", content, "bearer v1:not-a-token"), Ct);
        var read = await client.GetByteArrayAsync(new Uri($"/read/{HubRequests.Owner}/t/a.bin", UriKind.Relative), Ct);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(content, read);
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.requests", ("http.route", "/store/{*rest}"), ("http.response.status_code", 202)));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.requests", ("http.route", "/store/{*rest}"), ("http.response.status_code", 401)));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.requests", ("http.route", "/list-files/{*rest}"), ("http.request.method", "POST")));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.requests", ("http.route", "/read/{*rest}"), ("http.response.status_code", 200)));
        Assert.Equal(content.Length, MetricPoints.Sum(metrics, "gaia.hub.stored"));
        Assert.Equal(content.Length, MetricPoints.Sum(metrics, "gaia.hub.read"));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.token.verifications", ("gaia.token.cache", "miss"), ("gaia.token.result", "valid")));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.token.verifications", ("gaia.token.cache", "hit"), ("gaia.token.result", "valid")));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.token.verifications", ("gaia.token.cache", "miss"), ("gaia.token.result", "invalid")));
        Assert.Equal(1, MetricPoints.HistogramCount(metrics, "gaia.hub.storage.duration", ("gaia.storage.driver", "disk"), ("gaia.storage.operation", "write")));
        Assert.Equal(1, MetricPoints.HistogramCount(metrics, "gaia.hub.storage.duration", ("gaia.storage.operation", "list")));
        Assert.Equal(1, MetricPoints.HistogramCount(metrics, "gaia.hub.storage.duration", ("gaia.storage.operation", "read")));
    }

    [Fact]
    public async Task AStorageCallIsASpanUnderTheRequestSpanTaggedWithDriverOperationAndBucket()
    {
        var spans = new List<Activity>();
        await using var hub = new HubApplication();
        using var app = hub.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans))));
        using var client = app.CreateClient();

        using var stored = await client.SendAsync(HubRequests.Store("span.txt", "x"u8.ToArray(), HubRequests.OwnerToken()), Ct);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        var write = Assert.Single(spans, span => span.DisplayName == "storage write");
        Assert.Equal(HubTelemetry.Name, write.Source.Name);
        Assert.Equal(ActivityKind.Client, write.Kind);
        Assert.Equal("disk", write.GetTagItem("gaia.storage.driver"));
        Assert.Equal(HubRequests.Owner, write.GetTagItem("gaia.bucket"));
        var request = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Equal(request.SpanId, write.ParentSpanId);
        Assert.Equal(request.TraceId, write.TraceId);
        Assert.Equal(HubRequests.Owner, request.GetTagItem("gaia.bucket"));
        Assert.Equal("/store/{**rest}", request.GetTagItem("http.route"));
    }

    [Fact]
    public void RateLimitRefusalsAreCountedByRoute()
    {
        var metrics = new List<Metric>();
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(HubTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var telemetry = new HubTelemetry(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

        telemetry.RecordRateLimitRefusal("/store/{*rest}");
        telemetry.RecordRateLimitRefusal("/store/{*rest}");
        telemetry.RecordRateLimitRefusal(new Microsoft.AspNetCore.Http.DefaultHttpContext());
        provider.ForceFlush();

        Assert.Equal(2, MetricPoints.Sum(metrics, "gaia.hub.rate_limit.refusals", ("http.route", "/store/{*rest}")));
        Assert.Equal(1, MetricPoints.Sum(metrics, "gaia.hub.rate_limit.refusals", ("http.route", "(none)")));
    }
}
