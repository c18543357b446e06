using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.IntegrationTests;

[assembly: AssemblyFixture(typeof(WorkerFixture))]

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// One Azurite and one worker (the published app in its real worker, on Azurite, upload limit 4 MB, 64 KiB blocks) shared by the
/// worker tests of this assembly; <see cref="StartAsync"/> starts further workers with storage of their own.
/// Everything is stopped at the end of the run, whatever the tests' outcome.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const double UploadLimitMegabytes = 4;

    /// <summary>Small blocks, so that an upload reaches storage block by block while it is being sent.</summary>
    public const int UploadBlockBytes = 64 * 1024;

    private readonly AzuriteFixture azurite = new();
    private WorkerApp? shared;

    internal WorkerApp App => shared ?? throw new InvalidOperationException("The worker fixture did not start.");

    /// <summary>The settings of a hub on this run's Azurite, in a container and table of its own.</summary>
    internal IReadOnlyDictionary<string, string?> AzureSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var name = "w" + Guid.NewGuid().ToString("N")[..16];
        var settings = HubSettings.For("unused", overrides);
        settings["Gaia:Driver"] = "azure";
        settings["Gaia:Azure:ConnectionString"] = azurite.ConnectionString;
        settings["Gaia:Azure:ContainerName"] = name;
        settings["Gaia:Azure:TableName"] = name;
        settings.Remove("Gaia:Disk:RootDirectory");
        settings.Remove("Gaia:Disk:Durable");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Another worker, on <see cref="AzureSettings"/> with these overrides; the caller disposes it.</summary>
    internal Task<WorkerApp> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null) => WorkerApp.StartAsync(AzureSettings(overrides));

    public async ValueTask InitializeAsync()
    {
        try
        {
            await azurite.InitializeAsync();
            var limit = new Dictionary<string, string?>
            {
                ["Gaia:MaxFileUploadSizeMegabytes"] = $"{UploadLimitMegabytes}",
                ["Gaia:Azure:UploadBlockSizeBytes"] = $"{UploadBlockBytes}",
            };
            shared = await StartAsync(limit);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }
}
