using Amazon.S3;
using Gaia.Hub.Health;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>
/// The services of <c>Gaia:Driver = s3</c>: one S3 client (explicit keys in development, the AWS SDK's default
/// credential chain otherwise), the S3 driver, the S3 revocation store, the start-up check of the bucket and its
/// readiness probe. A host
/// offers the driver by passing a call of <see cref="AddS3Storage"/> to <c>AddGaiaHub</c>.
/// </summary>
public static class S3StorageRegistration
{
    public static IServiceCollection AddS3Storage(this IServiceCollection services)
    {
        services.AddOptions<S3StorageOptions>().BindConfiguration(S3StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<S3StorageOptions>, S3StorageOptionsValidator>();
        services.AddSingleton<IAmazonS3>(provider => S3Clients.Create(provider.GetRequiredService<IOptions<S3StorageOptions>>().Value));
        services.AddSingleton<S3StorageDriver>();
        services.AddSingleton<IStorageDriver>(provider => provider.GetRequiredService<S3StorageDriver>());
        services.AddSingleton<S3RevocationStore>();
        services.AddSingleton<IRevocationStore>(provider => provider.GetRequiredService<S3RevocationStore>());
        services.AddHostedService<S3StorageInitializer>();
        services.AddStorageHealthCheck<S3HealthCheck>();
        return services;
    }
}
