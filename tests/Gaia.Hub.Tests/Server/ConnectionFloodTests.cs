using System.Net;
using System.Net.Sockets;
using System.Text;
using Gaia.Hub.Tests.Http;

namespace Gaia.Hub.Tests.Server;

/// <summary>
/// One client opening connections beyond the server's open-file limit (half-sent requests and idle keep-alives, no
/// token) cannot end the process: at the connection limit new connections are refused, the open ones keep being served,
/// and once the flood goes, new connections are served again (issue 11).
/// </summary>
public sealed class ConnectionFloodTests : IDisposable
{
    private const int ServerOpenFiles = 400;
    private const int Flood = 1500;
    private readonly string root = Directory.CreateTempSubdirectory("gaia-flood-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task AFloodOfConnectionsPastTheOpenFileLimitLeavesTheHubServing()
    {
        Assert.True(Gaia.Hub.Server.OpenFileLimit.Raise() > Flood + 200, "the test process needs more open files than the flood");
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
        await using var server = new ServerProcess(["--urls", address.ToString()], new Dictionary<string, string>
        {
            ["Gaia__ServerName"] = Support.TestTokens.ServerName,
            ["Gaia__Disk__RootDirectory"] = root,
            ["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel.Connections"] = "Warning",
        }, openFiles: ServerOpenFiles);
        using var kept = Client(address);
        using (await server.WaitForAsync(kept, $"{address}healthz", TimeSpan.FromSeconds(30)))
        {
        }

        await HubAssert.StoredAsync(await kept.SendAsync(HubRequests.Store("before.txt", [1], HubRequests.OwnerToken()), Ct));

        var sockets = await OpenFloodAsync(address);
        try
        {
            Assert.False(server.HasExited, $"the hub died during the flood:\n{server.Output}");
            await HubAssert.StoredAsync(await kept.SendAsync(HubRequests.Store("during.txt", [2], HubRequests.OwnerToken()), Ct));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }

        using var fresh = Client(address);
        await HubAssert.StoredAsync(await RetryAsync(() => fresh.SendAsync(HubRequests.Store("after.txt", [3], HubRequests.OwnerToken()), Ct)));
        using var read = await fresh.GetAsync(new Uri($"/read/{HubRequests.Owner}/during.txt", UriKind.Relative), Ct);
        Assert.Equal([2], await read.Content.ReadAsByteArrayAsync(Ct));
        Assert.False(server.HasExited);
        Assert.DoesNotContain("Out of memory", server.Output, StringComparison.Ordinal);
        Assert.Contains("maximum number of concurrent connections", server.Output, StringComparison.Ordinal);
    }

    /// <summary>Opens <see cref="Flood"/> connections, every other one sending half a request head, the rest a whole request left idle.</summary>
    private static async Task<List<Socket>> OpenFloodAsync(Uri server)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < Flood; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(socket);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await socket.ConnectAsync(IPAddress.Loopback, server.Port, timeout.Token);
                var head = i % 2 == 0 ? "GET /hub_info HTTP/1.1\r\nHost: x\r\n" : "GET /hub_info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, Ct);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !Ct.IsCancellationRequested)
            {
                // Refused or reset once the hub is at its limit: that is the point.
            }
        }

        return sockets;
    }

    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { BaseAddress = address };

    /// <summary>Connections the hub refused during the flood may still be closing: a new one can take a moment.</summary>
    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                await Task.Delay(250, Ct);
            }
        }
    }
}
