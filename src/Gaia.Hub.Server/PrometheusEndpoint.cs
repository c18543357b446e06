using OpenTelemetry.Metrics;

namespace Gaia.Hub.Server;

/// <summary>
/// <c>Gaia__Telemetry__Prometheus=true</c>: the hub's metrics (and ASP.NET Core's, the runtime's) in the Prometheus
/// text format at <c>GET /metrics</c>, for a scraper. Off by default.
/// </summary>
internal static class PrometheusEndpoint
{
    public const string Setting = "Gaia:Telemetry:Prometheus";

    public const string Path = "/metrics";

    public static WebApplicationBuilder AddPrometheusWhenEnabled(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(Setting))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        return builder;
    }

    public static WebApplication MapPrometheusWhenEnabled(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Setting))
        {
            app.MapPrometheusScrapingEndpoint(Path);
        }

        return app;
    }
}
