using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>src/DotNetWorker.ApplicationInsights/FunctionsApplicationInsightsExtensions.cs</c> (package
/// Microsoft.Azure.Functions.Worker.ApplicationInsights).
/// </summary>
public static class FunctionsApplicationInsightsExtensions
{
    /// <summary>Upstream adds the Functions telemetry initializer and module to an Application Insights SDK setup.</summary>
    public static IServiceCollection ConfigureFunctionsApplicationInsights(this IServiceCollection services) =>
        throw FacadeOnly.NotSupported(nameof(ConfigureFunctionsApplicationInsights));
}
