using System.Net;
using System.Net.Sockets;

namespace Gaia.Cli.Tests.Support;

/// <summary>A loopback URL where nothing listens: a port taken from the system and released again.</summary>
internal static class Unreachable
{
    public static readonly string Url = Pick();

    private static string Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
