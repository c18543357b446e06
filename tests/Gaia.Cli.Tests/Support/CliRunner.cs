using Gaia.Cli.Migration;

namespace Gaia.Cli.Tests.Support;

/// <summary>Runs <c>gaia</c> in-process with its own environment, standard input and standard output.</summary>
public sealed class CliRunner
{
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public byte[] Input { get; set; } = [];

    /// <summary>Pretend standard output is a terminal (live progress, colours).</summary>
    public bool IsTerminal { get; set; }

    /// <summary>See <see cref="CliContext.OnMigratedFile"/>.</summary>
    internal Action<FileOutcome>? OnMigratedFile { get; set; }

    /// <summary>Runs under the test's cancellation token.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunCancellableAsync(TestContext.Current.CancellationToken, args);

    /// <summary>Runs under <paramref name="cancellationToken"/>, which plays Ctrl+C.</summary>
    public async Task<CliRun> RunCancellableAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var standardOutput = new MemoryStream();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = name => Environment.GetValueOrDefault(name),
            OpenStandardInput = () => new MemoryStream(Input, writable: false),
            OpenStandardOutput = () => standardOutput,
            OnMigratedFile = OnMigratedFile,
            IsTerminal = IsTerminal,
        };
        var exitCode = await GaiaCli.RunAsync(args, context, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString(), standardOutput.ToArray());
    }

    /// <summary>A runner whose <c>GAIA_KEY</c> and <c>GAIA_HUB</c> are set.</summary>
    public static CliRunner For(string keyHex, LoopbackHub? hub = null)
    {
        var cli = new CliRunner();
        cli.Environment["GAIA_KEY"] = keyHex;
        if (hub is not null)
        {
            cli.Environment["GAIA_HUB"] = hub.Url;
        }

        return cli;
    }
}
