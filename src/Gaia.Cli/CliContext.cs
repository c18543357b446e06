using Gaia.Cli.Migration;

namespace Gaia.Cli;

/// <summary>What a run talks to: its writers, the standard byte streams and the environment. Tests replace all of them.</summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Where <c>gaia get PATH -</c> writes file bytes.</summary>
    public required Func<Stream> OpenStandardOutput { get; init; }

    /// <summary>Standard output is a terminal: live progress bars and colours are allowed.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Ctrl+C and SIGTERM cancel the command (only for the real process).</summary>
    public bool HandlesSignals { get; init; }

    /// <summary>Called as each file of a migration is settled (tests use it to interrupt a run midway).</summary>
    public Action<FileOutcome>? OnMigratedFile { get; init; }

    public static CliContext For(TextWriter output, TextWriter error)
    {
        var console = ReferenceEquals(output, Console.Out);
        return new CliContext
        {
            Out = output,
            Error = error,
            IsTerminal = console && !Console.IsOutputRedirected,
            HandlesSignals = console,
            OpenStandardOutput = console
                ? Console.OpenStandardOutput
                : output is StreamWriter writer
                    ? () => { writer.Flush(); return writer.BaseStream; }
                    : () => throw CliException.Usage("this output cannot take file bytes; give a FILE to write to"),
        };
    }
}
