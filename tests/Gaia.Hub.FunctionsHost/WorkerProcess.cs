using System.Diagnostics;
using System.Text.Json;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// The worker process, launched as the Functions host launches a dotnet-isolated worker: the executable and worker path
/// of the app's worker.config.json, the <c>--functions-*</c> arguments naming this host's gRPC endpoint, and the
/// FUNCTIONS_* variables naming the app folder. It never outlives this process: disposing kills it (and its children),
/// and on Linux it is started under <c>setpriv --pdeathsig KILL</c> from a thread that lives as long as it does, so the
/// kernel kills it too when this process dies without disposing (a crash, SIGKILL).
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>The gRPC message size limit passed to the worker (the Functions host's default, int.MaxValue).</summary>
    private const int MaxMessageLength = int.MaxValue;
    private const string Setpriv = "/usr/bin/setpriv";
    private readonly Process process;

    private WorkerProcess(Process process, Task exited, long startTimestamp)
    {
        this.process = process;
        Exited = exited;
        StartTimestamp = startTimestamp;
    }

    public int Id => process.Id;

    /// <summary>When the process was started (<see cref="Stopwatch.GetTimestamp"/>), for cold-start measurements.</summary>
    public long StartTimestamp { get; }

    /// <summary>Completes when the worker has exited, for whatever reason.</summary>
    public Task Exited { get; }

    public static async Task<WorkerProcess> StartAsync(FunctionsHostOptions options, Uri rpcUri, string workerId)
    {
        var start = StartInfo(options, rpcUri, workerId);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startTimestamp = 0L;
        var owner = new Thread(() =>
        {
            try
            {
                startTimestamp = Stopwatch.GetTimestamp();
                var process = Process.Start(start)!;
                process.OutputDataReceived += (_, line) => Forward(options, line.Data);
                process.ErrorDataReceived += (_, line) => Forward(options, line.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                started.SetResult(process);
                process.WaitForExit();
                exited.SetResult();
            }
            catch (Exception e)
            {
                started.TrySetException(e);
                exited.TrySetResult();
            }
        })
        { IsBackground = true, Name = "functions-worker" };
        owner.Start();
        var process = await started.Task;
        return new WorkerProcess(process, exited.Task, startTimestamp);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }

        await Exited;
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(FunctionsHostOptions options, Uri rpcUri, string workerId)
    {
        var app = Path.GetFullPath(options.AppDirectory);
        var (executable, workerPath) = ReadWorkerConfig(app);
        string[] arguments =
        [
            Path.Join(app, workerPath),
            "--functions-uri", rpcUri.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", $"{MaxMessageLength}",
        ];
        var start = File.Exists(Setpriv)
            ? new ProcessStartInfo(Setpriv, ["--pdeathsig", "KILL", "--", executable, .. arguments])
            : new ProcessStartInfo(executable, arguments);
        start.WorkingDirectory = app;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app;
        start.Environment["AzureWebJobsScriptRoot"] = app;
        foreach (var (name, value) in options.Settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>description.defaultExecutablePath and defaultWorkerPath of the app's worker.config.json.</summary>
    private static (string Executable, string WorkerPath) ReadWorkerConfig(string app)
    {
        var path = Path.Join(app, "worker.config.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: '{app}' is not a published Functions isolated-worker app.");
        }

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var description = config.RootElement.GetProperty("description");
        return (description.GetProperty("defaultExecutablePath").GetString()!, description.GetProperty("defaultWorkerPath").GetString()!);
    }

    private static void Forward(FunctionsHostOptions options, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            options.Log($"[worker output] {line}");
        }
    }
}
