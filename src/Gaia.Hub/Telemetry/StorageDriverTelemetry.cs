using Gaia.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.Telemetry;

/// <summary>Puts <see cref="InstrumentedStorageDriver"/> around the <see cref="IStorageDriver"/> registered last.</summary>
public static class StorageDriverTelemetry
{
    /// <summary>
    /// Replaces the last <see cref="IStorageDriver"/> registration with one that builds the same driver and wraps it.
    /// Call it after the driver is registered; a registration that is already wrapped is left as it is.
    /// </summary>
    /// <param name="driverName">The <c>gaia.storage.driver</c> tag: <c>disk</c>, <c>azure</c>, …</param>
    public static IServiceCollection AddStorageDriverTelemetry(this IServiceCollection services, string driverName)
    {
        var index = LastIndexOf(services);
        if (index < 0 || services[index].ImplementationFactory?.Target is Wrapper)
        {
            return services;
        }

        var wrapper = new Wrapper(services[index], driverName);
        services[index] = ServiceDescriptor.Singleton<IStorageDriver>(wrapper.Create);
        return services;
    }

    /// <summary>The driver inside the telemetry decorator, or <paramref name="driver"/> itself when it is not wrapped.</summary>
    public static IStorageDriver Unwrap(IStorageDriver driver) => driver is InstrumentedStorageDriver wrapped ? wrapped.Inner : driver;

    private static int LastIndexOf(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IStorageDriver) && !services[i].IsKeyedService)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Wrapper(ServiceDescriptor original, string driverName)
    {
        public InstrumentedStorageDriver Create(IServiceProvider provider)
        {
            var telemetry = provider.GetRequiredService<HubTelemetry>();
            if (original.ImplementationType is { } type)
            {
                var made = (IStorageDriver)ActivatorUtilities.CreateInstance(provider, type);
                return new InstrumentedStorageDriver(made, driverName, telemetry, ownsInner: true);
            }

            var inner = original.ImplementationInstance as IStorageDriver ?? (IStorageDriver)original.ImplementationFactory!(provider);
            return new InstrumentedStorageDriver(inner, driverName, telemetry, ownsInner: false);
        }
    }
}
