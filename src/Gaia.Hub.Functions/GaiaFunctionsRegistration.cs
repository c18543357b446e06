using Gaia.Hub.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Gaia.Hub.Functions;

/// <summary>The Functions app's services: the hub's one registration, with Azure Storage as the default driver.</summary>
internal static class GaiaFunctionsRegistration
{
    public const string DriverKey = $"{GaiaHubOptions.SectionName}:{nameof(GaiaHubOptions.Driver)}";

    public const string DefaultDriver = "azure";

    public static IHostApplicationBuilder AddGaiaFunctions(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddFunctionsDefaults();
        return builder.AddGaiaHub();
    }

    /// <summary>Adds the app's defaults below every other source, so app settings (<c>Gaia__Driver</c>) still win.</summary>
    internal static IConfigurationBuilder AddFunctionsDefaults(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new(DriverKey, DefaultDriver)] });
        return configuration;
    }
}
