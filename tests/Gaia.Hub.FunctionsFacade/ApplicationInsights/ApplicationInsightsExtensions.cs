using Microsoft.Azure.Functions.Worker;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Facade of <c>NETCORE/src/Microsoft.ApplicationInsights.WorkerService/ApplicationInsightsExtensions.cs</c> in
/// microsoft/ApplicationInsights-dotnet (package Microsoft.ApplicationInsights.WorkerService, not part of the worker
/// repository): the parameterless <see cref="AddApplicationInsightsTelemetryWorkerService"/> only.
/// </summary>
public static class ApplicationInsightsExtensions
{
    /// <summary>Upstream registers the Application Insights SDK for a non-HTTP (worker) application.</summary>
    public static IServiceCollection AddApplicationInsightsTelemetryWorkerService(this IServiceCollection services) =>
        throw FacadeOnly.NotSupported(nameof(AddApplicationInsightsTelemetryWorkerService));
}
