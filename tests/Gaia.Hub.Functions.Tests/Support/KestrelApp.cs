extern alias Server;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>The Kestrel host (src/Gaia.Hub.Server) in-process, with <see cref="HubSettings"/> over its own disk root.</summary>
internal sealed class KestrelApp : WebApplicationFactory<Server::Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string diskRoot = HubSettings.NewDiskRoot();

    public KestrelApp(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        settings = HubSettings.For(diskRoot, overrides);
        ClientOptions.BaseAddress = new Uri(HubSettings.PublicUrl);
        ClientOptions.AllowAutoRedirect = false;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        HubSettings.DeleteDiskRoot(diskRoot);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
}
