using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gaia.Hub.Health;

/// <summary>ASP.NET Core health checks for the readiness answer (<c>/healthz/ready</c>); each storage driver adds its probe.</summary>
public static class HealthRegistration
{
    public const string ReadyTag = "ready";

    public const string StorageCheckName = "storage";

    /// <summary>A check that has not answered by then counts as unhealthy ("A timeout occurred while running check.").</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddGaiaHealth(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.TryAddSingleton<ReadinessProbe>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TCheck"/> as the readiness probe of the storage driver.</summary>
    public static IServiceCollection AddStorageHealthCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IHealthCheck
    {
        services.AddGaiaHealth().AddHealthChecks()
            .AddCheck<TCheck>(StorageCheckName, HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        return services;
    }
}
