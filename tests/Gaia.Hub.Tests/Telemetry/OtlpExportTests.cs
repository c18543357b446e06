using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gaia.Hub.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>The standard OTEL_* settings turn on OTLP export: a loopback receiver gets the hub's spans and metrics.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class OtlpExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithOtelExporterOtlpEndpointSetTheHubsSpansAndMetricsArePostedOverOtlpHttp()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var receiver = await StartReceiverAsync(received);
        await using var hub = new HubApplication();
        // As host settings (like environment variables), so they are there while the services are registered.
        using var app = hub.WithWebHostBuilder(web => web
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Urls.Single())
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_SERVICE_NAME", "gaia-hub-under-test"));
        using var client = app.CreateClient();

        using var stored = await client.SendAsync(HubRequests.Store("otlp.txt", "x"u8.ToArray(), HubRequests.OwnerToken()), Ct);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        var traces = Text(received, "/v1/traces");
        var metrics = Text(received, "/v1/metrics");
        Assert.Contains("gaia-hub-under-test", traces, StringComparison.Ordinal);
        Assert.Contains("storage write", traces, StringComparison.Ordinal);
        Assert.Contains("gaia.hub.requests", metrics, StringComparison.Ordinal);
        Assert.Contains("gaia.hub.token.verifications", metrics, StringComparison.Ordinal);
    }

    /// <summary>The protobuf bodies posted to <paramref name="path"/>, read as Latin-1 so that their strings can be searched.</summary>
    private static string Text(IEnumerable<(string Path, byte[] Body)> received, string path) =>
        string.Concat(received.Where(r => r.Path == path).Select(r => Encoding.Latin1.GetString(r.Body)));

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string Path, byte[] Body)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = builder.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync(Ct);
        return receiver;
    }
}
