using System.Text.Json;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gaia.Hub.Functions.Tests;

/// <summary>The app's registration and settings: Azure Storage unless told otherwise, host.json, the sample settings.</summary>
public sealed class GaiaFunctionsRegistrationTests
{
    [Fact]
    public void WithoutADriverSettingTheDriverIsAzure()
    {
        var configuration = new ConfigurationManager();

        configuration.AddFunctionsDefaults();

        Assert.Equal("azure", configuration[GaiaFunctionsRegistration.DriverKey]);
    }

    [Fact]
    public void ADriverSettingWinsOverTheDefaultWhetherItWasAddedBeforeOrAfter()
    {
        var before = new ConfigurationManager();
        before.AddInMemoryCollection([new(GaiaFunctionsRegistration.DriverKey, "disk")]);
        before.AddFunctionsDefaults();
        var after = new ConfigurationManager();
        after.AddFunctionsDefaults();
        after.AddInMemoryCollection([new(GaiaFunctionsRegistration.DriverKey, "disk")]);

        Assert.Equal("disk", before[GaiaFunctionsRegistration.DriverKey]);
        Assert.Equal("disk", after[GaiaFunctionsRegistration.DriverKey]);
    }

    [Fact]
    public void TheAppRegistersTheAzureDriverRatherThanTheDiskOneByDefault()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddGaiaFunctions();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IStorageDriver));
        Assert.DoesNotContain(builder.Services, d => d.ImplementationType == typeof(DiskStorageDriver));
    }

    [Fact]
    public void HostJsonPutsTheFunctionsOnTheServersPaths()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Join(AppContext.BaseDirectory, "host.json")));

        Assert.Equal("2.0", hostJson.RootElement.GetProperty("version").GetString());
        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void TheSampleLocalSettingsRunTheIsolatedWorkerOnAzuriteWithTheAzureDriver()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Join(AppContext.BaseDirectory, "local.settings.sample.json")));
        var values = settings.RootElement.GetProperty("Values");

        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("azure", values.GetProperty("Gaia__Driver").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("Gaia__Azure__ConnectionString").GetString());
        Assert.True(values.TryGetProperty("Gaia__ServerName", out _));
    }
}
