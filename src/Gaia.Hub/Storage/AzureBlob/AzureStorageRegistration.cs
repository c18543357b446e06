using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Gaia.Hub.Configuration;
using Gaia.Hub.Health;
using Gaia.Hub.Revocations;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// The services of <c>Gaia:Driver = azure</c>: Blob and Table service clients (a connection string in development,
/// the service URIs with <c>DefaultAzureCredential</c> in Azure), the blob driver, the table revocation store, and
/// the start-up step that creates the container and the table.
/// </summary>
public static class AzureStorageRegistration
{
    public static IServiceCollection AddAzureStorage(this IServiceCollection services)
    {
        services.AddOptions<AzureStorageOptions>().BindConfiguration(AzureStorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidator>();
        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>((clientOptions, credential, provider) =>
                SettingsOf(provider) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new BlobServiceClient(connectionString, clientOptions)
                    : new BlobServiceClient(new Uri(SettingsOf(provider).BlobServiceUri!), credential, clientOptions));
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, provider) =>
                SettingsOf(provider) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new TableServiceClient(connectionString, clientOptions)
                    : new TableServiceClient(new Uri(SettingsOf(provider).TableServiceUri!), credential, clientOptions));
            clients.UseCredential(provider => new DefaultAzureCredential(
                new DefaultAzureCredentialOptions { ManagedIdentityClientId = SettingsOf(provider).ManagedIdentityClientId }));
        });
        services.AddSingleton<AzureBlobDriver>();
        services.AddSingleton<IStorageDriver>(provider => provider.GetRequiredService<AzureBlobDriver>());
        services.AddSingleton<TableRevocationStore>();
        services.AddSingleton<IRevocationStore>(provider => provider.GetRequiredService<TableRevocationStore>());
        services.AddHostedService<AzureStorageInitializer>();
        services.AddStorageHealthCheck<AzureStorageHealthCheck>();
        return services;
    }

    private static AzureStorageOptions SettingsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
}
