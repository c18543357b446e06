using System.Diagnostics.Metrics;
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
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter().AddView(PrometheusName));
        }

        return builder;
    }

    /// <summary>
    /// Prometheus reserves a <c>_count</c> suffix for histograms and summaries (promtool rejects it elsewhere), and the
    /// runtime has gauges named <c>*.count</c>: those are exported as <c>dotnet_assemblies_loaded</c>,
    /// <c>dotnet_process_cpus</c>, <c>dotnet_timers</c> (any other such name as <c>*_number</c>).
    /// </summary>
    internal static MetricStreamConfiguration? PrometheusName(Instrument instrument)
    {
        if (!instrument.Name.EndsWith(".count", StringComparison.Ordinal) || instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal))
        {
            return null;
        }

        var name = instrument.Name switch
        {
            "dotnet.assembly.count" => "dotnet.assemblies.loaded",
            "dotnet.process.cpu.count" => "dotnet.process.cpus",
            "dotnet.timer.count" => "dotnet.timers",
            _ => instrument.Name[..^".count".Length] + ".number",
        };
        return new MetricStreamConfiguration { Name = name };
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
