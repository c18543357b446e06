using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gaia.Hub.IntegrationTests;

/// <summary>
/// The Kestrel host's Program on <c>Gaia:Driver = azure</c> over Azurite, as server "test-server". Several instances
/// given the same container and table behave like a scaled-out deployment.
/// </summary>
public sealed class AzureHubApplication(AzuriteFixture azurite, string container, string table, int revocationCacheSeconds)
    : WebApplicationFactory<Program>
{
    /// <summary>Settings go in as host settings, so they are already visible while the services are registered.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gaia:Driver", "azure");
        builder.UseSetting("Gaia:ServerName", TestTokens.ServerName);
        builder.UseSetting("Gaia:Azure:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Gaia:Azure:ContainerName", container);
        builder.UseSetting("Gaia:Azure:TableName", table);
        builder.UseSetting("Gaia:Azure:RevocationCacheSeconds", $"{revocationCacheSeconds}");
        builder.UseSetting("Gaia:Azure:UploadBlockSizeBytes", $"{AzureTestStorage.BlockSize}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }
}
