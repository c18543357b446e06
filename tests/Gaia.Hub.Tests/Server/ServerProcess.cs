using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gaia.Hub.Tests.Server;

/// <summary>
/// The built server (Gaia.Hub.Server.dll next to the tests, with its appsettings.json) run as a process with
/// <c>dotnet</c>, from a working directory of its own, with given arguments and environment, optionally under a
/// lowered open-file limit; killed on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();
    private bool disposed;

    /// <param name="openFiles">When set, the server runs under this open-file limit (<c>ulimit -n</c>, soft and hard).</param>
    public ServerProcess(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, int? openFiles = null)
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("gaia-server-process-").FullName;
        var start = new ProcessStartInfo(openFiles is null ? "dotnet" : "bash")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (openFiles is { } limit)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"ulimit -n {limit} && exec dotnet \"$@\"");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "Gaia.Hub.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "ASPNETCORE_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "HTTP_PORTS", "DOTNET_URLS", "ASPNETCORE_CONTENTROOT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Gaia__Disk__RootDirectory"] = Path.Join(WorkingDirectory, "data");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(stdout, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(stderr, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string WorkingDirectory { get; }

    public IReadOnlyList<string> Stdout => [.. stdout];

    public IReadOnlyList<string> Stderr => [.. stderr];

    /// <summary>Everything the server wrote so far, stderr then stdout.</summary>
    public string Output => string.Join('\n', Stderr.Concat(Stdout));

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL, as a crash or the OOM killer would end it.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to end by itself (a start failure); returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Waits until <paramref name="url"/> answers; fails with the output when the process ends first.</summary>
    public async Task<HttpResponseMessage> WaitForAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the server exited with {(process.HasExited ? process.ExitCode : 0)}:\n{string.Join('\n', Stderr.Concat(Stdout))}");
            try
            {
                return await client.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(WorkingDirectory, recursive: true);
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
