using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Gaia.Hub.IntegrationTests;

/// <summary>
/// One Azurite (blob and table services, in memory) for the whole run, started from the repository's pinned npm
/// package on free loopback ports and killed at the end. When it cannot start, every test that uses it fails with
/// the reason: these tests never skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> output = new();
    /// <summary>Azurite's working folder; with in-memory persistence it should stay empty.</summary>
    private readonly string location = Path.Join(Path.GetTempPath(), "gaia-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly (int Blob, int Queue, int Table)? fixedPorts;
    private readonly bool persistent;
    private Process? process;

    public AzuriteFixture()
    {
    }

    /// <summary>
    /// An Azurite of a test's own on the given ports that keeps its data in its folder, so that it can be stopped
    /// (<see cref="StopAsync"/>) and started again (<see cref="InitializeAsync"/>) at the same address with the same data.
    /// </summary>
    internal AzuriteFixture((int Blob, int Queue, int Table) ports)
    {
        fixedPorts = ports;
        persistent = true;
    }

    /// <summary>Azurite's well-known account with this run's endpoints, as <c>Gaia:Azure:ConnectionString</c> takes it.</summary>
    public string ConnectionString { get; private set; } = "";

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Join(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await NpmCiAsync(root);
        }

        var (blobPort, queuePort, tablePort) = fixedPorts ?? FreePorts();
        Directory.CreateDirectory(location);
        process = Start("node", location, [script, "--silent", "--skipApiVersionCheck", "--disableTelemetry",
            persistent ? "--location" : "--inMemoryPersistence", .. persistent ? new[] { location } : [], "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}"]);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(location))
        {
            Directory.Delete(location, recursive: true);
        }
    }

    /// <summary>
    /// Stops the Azurite process; its folder (and, when persistent, its data) stays. A persistent Azurite is asked to
    /// stop (SIGTERM), so that it saves its data first.
    /// </summary>
    public async Task StopAsync()
    {
        if (persistent && process is { HasExited: false })
        {
            using var term = Process.Start("kill", ["-TERM", $"{process.Id}"]);
            await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(grace.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Three distinct free loopback ports (held open together while they are picked).</summary>
    internal static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
            listener.Dispose();
        }

        return (ports[0], ports[1], ports[2]);
    }

    private async Task WaitUntilReadyAsync()
    {
        var noRetries = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
        var blobs = new BlobServiceClient(ConnectionString, noRetries);
        var tables = new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process!.HasExited)
            {
                throw Failure($"Azurite exited with code {process.ExitCode} while starting.");
            }

            try
            {
                await blobs.GetPropertiesAsync();
                await tables.GetPropertiesAsync();
                return;
            }
            catch (Exception e) when (clock.Elapsed < StartTimeout && e is Azure.RequestFailedException or HttpRequestException or IOException)
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                throw Failure($"Azurite did not answer within {StartTimeout.TotalSeconds} s ({e.GetType().Name}: {e.Message}).");
            }
        }
    }

    private async Task NpmCiAsync(string root)
    {
        using var npm = Start("npm", root, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw Failure($"'npm ci' in {root} failed with code {npm.ExitCode}, so Azurite (npm package 'azurite') is not installed.");
        }
    }

    private Process Start(string fileName, string directory, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            var started = Process.Start(start) ?? throw Failure($"'{fileName}' did not start.");
            started.OutputDataReceived += (_, line) => Keep(line.Data);
            started.ErrorDataReceived += (_, line) => Keep(line.Data);
            started.BeginOutputReadLine();
            started.BeginErrorReadLine();
            return started;
        }
        catch (Win32Exception e)
        {
            throw Failure($"Cannot run '{fileName}' ({e.Message}); Node.js 20+ and npm are needed to run Azurite.");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }

    private InvalidOperationException Failure(string reason) =>
        new($"Azurite could not be started for the integration tests: {reason}{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
}
