using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.AzureBlob;
using Gaia.Hub.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Storage;

public sealed class AzureStorageRegistrationTests
{
    [Fact]
    public void TheAzureDriverUsesBlobsAndTablesFromTheConnectionString()
    {
        using var host = Build(new() { ["Gaia:Azure:ConnectionString"] = "UseDevelopmentStorage=true", ["Gaia:Azure:ContainerName"] = "files" });

        var driver = Assert.IsType<AzureBlobDriver>(StorageDriverTelemetry.Unwrap(host.Services.GetRequiredService<IStorageDriver>()));
        var revocations = Assert.IsType<TableRevocationStore>(host.Services.GetRequiredService<IRevocationStore>());
        Assert.Same(driver, host.Services.GetRequiredService<AzureBlobDriver>());
        Assert.Equal(("files", "gaiarevocations"), (driver.Container.Name, revocations.Table.Name));
        Assert.Equal("devstoreaccount1", host.Services.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", host.Services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public void ServiceUrisSelectTheAccountsWithoutAKey()
    {
        using var host = Build(new()
        {
            ["Gaia:Azure:BlobServiceUri"] = "https://acct.blob.core.windows.net",
            ["Gaia:Azure:TableServiceUri"] = "https://acct.table.core.windows.net",
        });

        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), host.Services.GetRequiredService<BlobServiceClient>().Uri);
        Assert.False(host.Services.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri);
        Assert.Equal("acct", host.Services.GetRequiredService<TableServiceClient>().AccountName);
    }

    [Fact]
    public async Task TheHostRefusesToStartWithoutCredentials()
    {
        using var host = Build([]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Gaia:Azure needs credentials", error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Gaia:Driver"] = "azure";
        builder.AddGaiaHub();
        return builder.Build();
    }
}
