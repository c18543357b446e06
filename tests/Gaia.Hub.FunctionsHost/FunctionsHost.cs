using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// A local stand-in for the Azure Functions host: it starts the published app's worker, serves the FunctionRpc gRPC
/// service it connects to (HTTP/2 without TLS, on loopback), loads its functions, and serves their HTTP triggers on
/// <see cref="BaseAddress"/>, routed by the functions' own route templates and methods under host.json's route prefix.
/// Disposing it stops the worker: no worker outlives it.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private readonly WebApplication rpc;
    private readonly WorkerChannel channel;
    private WorkerProcess? worker;
    private WebApplication? front;
    private HttpForwarder? forwarder;

    private FunctionsHost(WebApplication rpc, WorkerChannel channel)
    {
        this.rpc = rpc;
        this.channel = channel;
    }

    /// <summary>Where the functions are served, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public int WorkerProcessId => worker!.Id;

    /// <summary>When the worker process was started (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    public long WorkerStartTimestamp => worker!.StartTimestamp;

    /// <summary>Completes if the worker exits or closes its stream while this host runs.</summary>
    public Task WorkerStopped => Task.WhenAny(worker!.Exited, channel.Closed);

    public static async Task<FunctionsHost> StartAsync(FunctionsHostOptions options, CancellationToken cancellationToken = default)
    {
        var app = Path.GetFullPath(options.AppDirectory);
        var workerId = Guid.NewGuid().ToString();
        var channel = new WorkerChannel(workerId, options.Log);
        var rpcBuilder = WebApplication.CreateSlimBuilder();
        rpcBuilder.Logging.ClearProviders();
        rpcBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        rpcBuilder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        rpcBuilder.Services.AddSingleton(channel);
        var rpc = rpcBuilder.Build();
        rpc.MapGrpcService<FunctionRpcService>();
        await rpc.StartAsync(cancellationToken);
        var host = new FunctionsHost(rpc, channel);
        try
        {
            await host.StartWorkerAsync(options, app, workerId, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (front is not null)
        {
            await front.DisposeAsync();
        }

        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        forwarder?.Dispose();
        await rpc.DisposeAsync();
    }

    private async Task StartWorkerAsync(FunctionsHostOptions options, string app, string workerId, CancellationToken cancellationToken)
    {
        worker = await WorkerProcess.StartAsync(options, new Uri(rpc.Urls.Single()), workerId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var startup = StartupAsync(app, timeout.Token);
        if (await Task.WhenAny(startup, worker.Exited) != startup)
        {
            throw new InvalidOperationException($"The worker exited while starting (see its output above; app: {app}).");
        }

        (Uri, IReadOnlyList<HttpFunction>) loaded;
        try
        {
            loaded = await startup;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The worker did not load its functions within {options.StartTimeout.TotalSeconds} s (app: {app}).");
        }

        var (httpUri, functions) = loaded;
        await WaitForListenerAsync(httpUri, options.StartTimeout, cancellationToken);
        forwarder = new HttpForwarder(channel, httpUri, options.Log);
        front = FrontApp.Build(options, HostJson.RoutePrefix(app), functions, forwarder);
        await front.StartAsync(cancellationToken);
        BaseAddress = new Uri(front.Urls.Single());
    }

    /// <summary>
    /// The worker announces its HttpUri at init, but its ASP.NET Core listener may open only after its functions are
    /// loaded: requests are let in once the listener accepts a connection.
    /// </summary>
    private static async Task WaitForListenerAsync(Uri httpUri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(httpUri.Host, httpUri.Port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private async Task<(Uri, IReadOnlyList<HttpFunction>)> StartupAsync(string app, CancellationToken cancellationToken)
    {
        await channel.Connected.WaitAsync(cancellationToken);
        return await WorkerStartup.RunAsync(channel, app, cancellationToken);
    }
}
