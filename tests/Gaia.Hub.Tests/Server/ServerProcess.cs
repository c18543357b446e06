using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gaia.Hub.Tests.Server;

/// <summary>
/// The built self-hosted server (Gaia.Hub.Server.dll, next to the tests) as a separate process on a free loopback
/// port, optionally under a lowered open-file limit. Killed on dispose, also when a test fails.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private Uri? address;

    private ServerProcess(Process process) => this.process = process;

    public Uri Address => address ?? throw new InvalidOperationException("The server has not started.");

    public bool HasExited => process.HasExited;

    /// <summary>What the server wrote so far, stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? openFiles = null)
    {
        var dll = ServerDll();
        var limit = openFiles is { } n ? $"ulimit -n {n} && " : "";
        var start = new ProcessStartInfo("bash", ["-c", $"{limit}exec dotnet \"{dll}\" --urls http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll),
        };
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (server.output)
            {
                server.output.Add(line);
            }

            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        server.process.OutputDataReceived += (_, e) => OnLine(e.Data);
        server.process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        var first = await Task.WhenAny(listening.Task, server.process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != listening.Task)
        {
            server.Dispose();
            throw new InvalidOperationException($"the server did not start:\n{server.Output}");
        }

        server.address = await listening.Task;
        return server;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would end it.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>The server as built beside these tests: src/Gaia.Hub.Server/bin/{configuration}/{framework}/.</summary>
    private static string ServerDll()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Join(repository, "src", "Gaia.Hub.Server", "bin", configuration.Name, framework.Name, "Gaia.Hub.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the server is missing.", dll);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
