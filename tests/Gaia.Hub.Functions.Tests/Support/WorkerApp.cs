using System.Collections.Concurrent;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// The published Functions app running in its real worker under tests/Gaia.Hub.FunctionsHost, with a client for it.
/// The worker's recent log lines are kept for failure messages. Disposing stops the worker.
/// </summary>
internal sealed class WorkerApp : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> logs = new();
    private FunctionsHost.FunctionsHost? host;

    private WorkerApp(IReadOnlyDictionary<string, string?> settings) => Settings = settings;

    /// <summary>The app settings it runs with, with configuration keys (<c>Gaia:Azure:ContainerName</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public HttpClient Client { get; private set; } = null!;

    public int WorkerProcessId => host!.WorkerProcessId;

    /// <summary>The worker's last log lines (its RpcLog messages and output).</summary>
    public string Logs => string.Join(Environment.NewLine, logs);

    /// <param name="settings">Configuration keys as the hub reads them (<c>Gaia:Driver</c>); passed as app settings.</param>
    public static async Task<WorkerApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = new WorkerApp(settings);
        var options = new FunctionsHost.FunctionsHostOptions
        {
            AppDirectory = PublishedApp.Find(),
            Settings = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value),
            Log = app.Keep,
        };
        try
        {
            app.host = await FunctionsHost.FunctionsHost.StartAsync(options, TestContext.Current.CancellationToken);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The Functions worker did not start: {e.Message}{Environment.NewLine}{app.Logs}", e);
        }

        app.Client = new HttpClient { BaseAddress = app.host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return app;
    }

    public async Task<HubResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await HubResponse.FromAsync(response, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private void Keep(string line)
    {
        logs.Enqueue(line);
        while (logs.Count > 200 && logs.TryDequeue(out _))
        {
        }
    }
}
