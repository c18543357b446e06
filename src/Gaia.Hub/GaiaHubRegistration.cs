using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Health;
using Gaia.Hub.Http;
using Gaia.Hub.Hub;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Gaia.Hub.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gaia.Hub;

/// <summary>One registration for both hosts (Kestrel and Functions).</summary>
public static class GaiaHubRegistration
{
    /// <param name="addS3Storage">
    /// Registers the <c>s3</c> driver. A host that offers it passes the registration of Gaia.Hub.S3
    /// (<c>services => services.AddS3Storage()</c>), so this core stays free of the AWS SDK.
    /// </param>
    public static IHostApplicationBuilder AddGaiaHub(this IHostApplicationBuilder builder, Action<IServiceCollection>? addS3Storage = null)
    {
        var services = builder.Services;
        services.AddOptions<GaiaHubOptions>().BindConfiguration(GaiaHubOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GaiaHubOptions>, GaiaHubOptionsValidator>();
        services.AddOptions<DiskStorageOptions>().BindConfiguration(DiskStorageOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.RootDirectory), "Gaia:Disk:RootDirectory must not be empty.")
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.WritesPerSecond >= 0 && double.IsFinite(o.WritesPerSecond), "Gaia:RateLimit:WritesPerSecond must be 0 (off) or a positive number.")
            .Validate(o => o.Burst >= 1, "Gaia:RateLimit:Burst must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<BucketRateLimiter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenVerifier>();
        services.AddSingleton<GaiaAuthenticator>();
        services.AddSingleton<HubService>();

        var driver = builder.Configuration[$"{GaiaHubOptions.SectionName}:{nameof(GaiaHubOptions.Driver)}"] ?? "disk";
        switch (driver)
        {
            case "disk":
                services.AddSingleton<IStorageDriver, DiskStorageDriver>();
                services.AddSingleton<IRevocationStore, DiskRevocationStore>();
                services.AddStorageHealthCheck<DiskHealthCheck>();
                break;
            case "azure":
                Storage.AzureBlob.AzureStorageRegistration.AddAzureStorage(services);
                break;
            case "s3" when addS3Storage is not null:
                addS3Storage(services);
                break;
            case "s3":
                throw new OptionsValidationException(GaiaHubOptions.SectionName, typeof(GaiaHubOptions),
                    ["Gaia:Driver 's3' is not available in this host; the self-hosted server (Gaia.Hub.Server) has it."]);
            default:
                throw new OptionsValidationException(GaiaHubOptions.SectionName, typeof(GaiaHubOptions),
                    [$"Gaia:Driver must be 'disk', 'azure' or 's3' (got '{driver}')."]);
        }

        services.AddGaiaHealth().AddStorageDriverTelemetry(driver);
        builder.AddGaiaTelemetry();
        return builder;
    }

    /// <summary>Adds the hub's CORS, raw-path and error middleware, then routing. Call before mapping endpoints.</summary>
    public static IApplicationBuilder UseGaiaHub(this IApplicationBuilder app) =>
        app.UseMiddleware<GaiaHttpMiddleware>().UseRouting();
}
