using System.Net;
using System.Reflection;

namespace Gaia.Cli.Hubs;

/// <summary>The one HttpClient of a run: no overall timeout (uploads stream), a bounded connect time, bytes as sent.</summary>
internal static class CliHttp
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Applies to the small JSON calls (hub_info, list-files, delete, revoke-all), not to streamed files.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    public static HttpClient Create()
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var version = typeof(CliHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"gaia-cli/{version.Split('+')[0]}");
        return client;
    }
}
