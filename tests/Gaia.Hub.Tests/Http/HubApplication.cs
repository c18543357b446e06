using System.Net;
using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// The Kestrel host's Program over a fresh disk root that is deleted on dispose, configured as server "test-server"
/// at http://hub.test. In-process (TestServer) by default; <see cref="StartOnLoopback"/> runs it on a real socket.
/// </summary>
public sealed class HubApplication : WebApplicationFactory<Program>
{
    public const string PublicUrl = "http://hub.test";

    private readonly Dictionary<string, string?> settings;

    /// <param name="overrides">Configuration keys such as <c>Gaia:PageSize</c>; they win over appsettings.json.</param>
    public HubApplication(IReadOnlyDictionary<string, string?>? overrides = null)
        : this(overrides, onLoopback: false)
    {
    }

    private HubApplication(IReadOnlyDictionary<string, string?>? overrides, bool onLoopback)
    {
        DiskRoot = Path.Join(Path.GetTempPath(), "gaia-http-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["Gaia:ServerName"] = TestTokens.ServerName,
            ["Gaia:PublicUrl"] = PublicUrl,
            ["Gaia:Disk:RootDirectory"] = DiskRoot,
            ["Gaia:Disk:Durable"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (onLoopback)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            ClientOptions.BaseAddress = new Uri(PublicUrl);
            ClientOptions.AllowAutoRedirect = false;
        }
    }

    /// <summary>The disk driver's root folder (holds the buckets, <c>.gaia-metadata</c> and <c>.gaia-tmp</c>).</summary>
    public string DiskRoot { get; }

    public string TempDirectory => Path.Join(DiskRoot, ".gaia-tmp");

    /// <summary>The files in <see cref="TempDirectory"/>'s process folders: uploads being written (or left behind).</summary>
    public IReadOnlyList<string> TempFiles => TempFilesUnder(DiskRoot);

    /// <summary>Files being written under a disk root: what is in <c>.gaia-tmp</c> but the process folders' lock files.</summary>
    public static IReadOnlyList<string> TempFilesUnder(string diskRoot)
    {
        var temp = Path.Join(diskRoot, ".gaia-tmp");
        return Directory.Exists(temp)
            ? [.. Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))]
            : [];
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>; only for <see cref="StartOnLoopback"/>.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Starts the hub on Kestrel at 127.0.0.1 on a free port, for tests that need a real socket.</summary>
    public static HubApplication StartOnLoopback(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var application = new HubApplication(overrides, onLoopback: true);
        application.StartServer();
        return application;
    }

    /// <summary>A plain HttpClient against <see cref="ServerAddress"/> (no cookies, no redirects).</summary>
    public HttpClient CreateLoopbackClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ServerAddress };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDiskRoot();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDiskRoot();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));

    private void DeleteDiskRoot()
    {
        try
        {
            Directory.Delete(DiskRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
