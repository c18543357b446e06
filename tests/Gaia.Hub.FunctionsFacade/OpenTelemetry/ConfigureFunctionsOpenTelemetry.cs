using OpenTelemetry;

namespace Microsoft.Azure.Functions.Worker.OpenTelemetry;

/// <summary>
/// Facade of <c>src/DotNetWorker.OpenTelemetry/ConfigureFunctionsOpenTelemetry.cs</c> (package
/// Microsoft.Azure.Functions.Worker.OpenTelemetry).
/// </summary>
public static class ConfigureFunctionsOpenTelemetry
{
    /// <summary>
    /// Upstream tells the host that the worker exports its own telemetry, adds the Functions resource detector and
    /// the worker's activity source.
    /// </summary>
    public static IOpenTelemetryBuilder UseFunctionsWorkerDefaults(this IOpenTelemetryBuilder builder) =>
        throw FacadeOnly.NotSupported(nameof(UseFunctionsWorkerDefaults));
}
