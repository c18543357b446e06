using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Gaia.Hub.IntegrationTests;

[assembly: AssemblyFixture(typeof(Gaia.Hub.S3.Tests.MotoFixture))]

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// One S3-compatible server for the whole run: moto's, in memory, on a free loopback port, started by the same
/// <c>start_moto</c> of tests/local-services.sh that the real-client script uses (it installs moto when python3 lacks
/// it), and killed with its shell at the end. When it cannot start, every test fails with the reason: none skips.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private const string EndpointLine = "S3_ENDPOINT=";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly ConcurrentQueue<string> output = new();
    private readonly string location = Path.Join(Path.GetTempPath(), "gaia-moto-" + Guid.NewGuid().ToString("N"));
    private readonly TaskCompletionSource<string> endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? shell;

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234</c> (path-style; any access key works).</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The driver's settings for one bucket here, with S3's smallest part size so multipart uploads start early.</summary>
    public S3StorageOptions Options(string bucket) => new()
    {
        Bucket = bucket, ServiceUrl = ServiceUrl, ForcePathStyle = true, AccessKeyId = "test", SecretAccessKey = "test",
        PartSizeBytes = S3StorageOptionsValidator.MinPartSize,
    };

    public AmazonS3Client CreateClient(HttpClientFactory? httpClientFactory = null) => S3Clients.Create(Options("unused"), httpClientFactory);

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        Directory.CreateDirectory(location);
        var script = $". \"$0/tests/local-services.sh\" && pids=() && start_moto \"$0\" \"$1\" && echo \"{EndpointLine}$S3_ENDPOINT\" && wait";
        var start = new ProcessStartInfo("bash", ["-c", script, root, location])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = location,
        };
        try
        {
            shell = Process.Start(start) ?? throw Failure("bash did not start.");
        }
        catch (Win32Exception e)
        {
            throw Failure($"cannot run bash ({e.Message}).");
        }

        shell.OutputDataReceived += (_, line) => Keep(line.Data);
        shell.ErrorDataReceived += (_, line) => Keep(line.Data);
        shell.EnableRaisingEvents = true;
        shell.Exited += (_, _) => endpoint.TrySetException(Failure($"start_moto exited with code {shell.ExitCode}."));
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();
        try
        {
            ServiceUrl = await endpoint.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw Failure($"moto did not start within {StartTimeout.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (shell is { HasExited: false })
        {
            shell.Kill(entireProcessTree: true);
            await shell.WaitForExitAsync();
        }

        shell?.Dispose();
        Directory.Delete(location, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(EndpointLine, StringComparison.Ordinal))
        {
            endpoint.TrySetResult(line[EndpointLine.Length..]);
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }

    private InvalidOperationException Failure(string reason) =>
        new($"The S3 test server (moto) could not be started: {reason}{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
}
