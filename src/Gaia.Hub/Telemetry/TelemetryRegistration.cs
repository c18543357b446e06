using Gaia.Hub.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gaia.Hub.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: the hub's source and meter plus ASP.NET Core, HttpClient and runtime instrumentation,
/// exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> variables are set. Hosts add their own
/// exporters to the returned builder (Prometheus on the server, Azure Monitor in Functions); the tracer and meter
/// providers exist only when something exports them (without any, the request log still carries the trace id of
/// ASP.NET Core's request activity).
/// </summary>
public static class TelemetryRegistration
{
    public const string DefaultServiceName = "gaia-hub";

    private static readonly string[] OtlpEndpointKeys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static IOpenTelemetryBuilder AddGaiaTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton<HubTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, RequestTelemetryStartupFilter>());
        var configuration = builder.Configuration;
        // What the hub traces and measures is configured for whichever providers exist, but the providers themselves
        // are only created where something consumes them: OTLP here, or a host's or test's own WithTracing/WithMetrics
        // (Prometheus, Azure Monitor, in-memory exporters). A tracer provider without an exporter would still sample
        // every request (ParentBased(AlwaysOn)) and fill each span with tags nobody reads; a meter provider without a
        // reader would still aggregate every measurement.
        services.ConfigureOpenTelemetryTracerProvider(tracing =>
            tracing.AddSource(HubTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(HubTelemetry.Name, TokenMetrics.MeterName)
            .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!HasServiceName(configuration))
                {
                    resource.AddService(DefaultServiceName);
                }
            });
        if (OtlpEndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key])))
        {
            otel.WithTracing().WithMetrics().UseOtlpExporter();
        }

        return otel;
    }

    /// <summary>True when <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> already names the service.</summary>
    private static bool HasServiceName(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
        || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Split(',').Any(a => a.Trim().StartsWith("service.name=", StringComparison.Ordinal));
}
