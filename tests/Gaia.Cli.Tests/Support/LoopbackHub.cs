using System.Net;
using Gaia.Hub.IntegrationTests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Cli.Tests.Support;

/// <summary>
/// The Kestrel host's Program on a real loopback socket, so the CLI reaches it over HTTP like any hub: the disk driver
/// over a fresh folder, or the Azure driver over Azurite with its own container and table. Reads go through the hub's
/// /read/ endpoint, whose URL it derives from the request (no PublicUrl is set).
/// </summary>
public sealed class LoopbackHub : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string? diskRoot;
    private readonly Func<Task>? cleanUp;

    private LoopbackHub(Dictionary<string, string?> settings, string? diskRoot, Func<Task>? cleanUp)
    {
        this.settings = settings;
        this.diskRoot = diskRoot;
        this.cleanUp = cleanUp;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    /// <param name="overrides">Hub settings such as <c>Gaia:PageSize</c> or <c>Gaia:Whitelist:0</c>.</param>
    public static LoopbackHub Disk(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var root = Path.Join(Path.GetTempPath(), "gaia-cli-tests", Guid.NewGuid().ToString("N"));
        var settings = Settings("disk", overrides);
        settings["Gaia:Disk:RootDirectory"] = root;
        settings["Gaia:Disk:Durable"] = "false";
        return Start(new LoopbackHub(settings, root, null));
    }

    public static LoopbackHub Azure(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var container = "cli" + Guid.NewGuid().ToString("N");
        var table = "cli" + Guid.NewGuid().ToString("N");
        var settings = Settings("azure", overrides);
        settings["Gaia:Azure:ConnectionString"] = azurite.ConnectionString;
        settings["Gaia:Azure:ContainerName"] = container;
        settings["Gaia:Azure:TableName"] = table;
        settings["Gaia:Azure:UploadBlockSizeBytes"] = $"{64 * 1024}";
        return Start(new LoopbackHub(settings, null, async () =>
        {
            await azurite.CreateBlobServiceClient().DeleteBlobContainerAsync(container);
            await azurite.CreateTableServiceClient().DeleteTableAsync(table);
        }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (cleanUp is not null)
        {
            await cleanUp();
        }

        if (diskRoot is not null && Directory.Exists(diskRoot))
        {
            Directory.Delete(diskRoot, recursive: true);
        }
    }

    /// <summary>Host settings, so they are already visible while the hub's services (and its driver) are registered.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static LoopbackHub Start(LoopbackHub hub)
    {
        hub.StartServer();
        return hub;
    }

    private static Dictionary<string, string?> Settings(string driver, IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gaia:Driver"] = driver,
            ["Gaia:ServerName"] = "cli-test",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
