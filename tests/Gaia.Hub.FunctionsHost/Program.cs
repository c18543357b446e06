using System.Runtime.InteropServices;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// <c>Gaia.Hub.FunctionsHost APP_DIRECTORY PORT</c>: serves the published Functions app in APP_DIRECTORY through its real
/// worker on http://127.0.0.1:PORT until SIGTERM or SIGINT, then stops the worker and exits. App settings come from the
/// environment. Exits with 1 if the worker fails to start or stops by itself. tests/run-functions-host.sh runs it.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], out var port))
        {
            await Console.Error.WriteLineAsync("usage: Gaia.Hub.FunctionsHost APP_DIRECTORY PORT");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            await using var host = await FunctionsHost.StartAsync(new FunctionsHostOptions { AppDirectory = args[0], Port = port }, stop.Token);
            Console.WriteLine($"Functions host: serving {args[0]} on {host.BaseAddress} (worker process {host.WorkerProcessId}); Ctrl+C stops it");
            var stopped = await Task.WhenAny(host.WorkerStopped, Task.Delay(Timeout.Infinite, stop.Token));
            if (stopped == host.WorkerStopped)
            {
                await Console.Error.WriteLineAsync("Functions host: the worker stopped by itself");
                return 1;
            }

            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"Functions host: {e.Message}");
            return 1;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
