using System.CommandLine;
using System.CommandLine.Parsing;
using Gaia.Cli.Commands;

namespace Gaia.Cli;

/// <summary>The <c>gaia</c> command-line tool: keys, tokens, files and hub-to-hub migration over the public Gaia protocol.</summary>
public static class GaiaCli
{
    /// <summary>The tool's entry point.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line; returns the exit code (0 success, 1 failure, 2 bad usage, 130 interrupted).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, CliContext.For(output, error), cancellationToken);

    internal static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = GaiaCommandLine.Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            return Fail(context, $"{parse.Errors[0].Message} (see '{CommandPath(parse.CommandResult)} --help')", ExitCodes.Usage);
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = context.HandlesSignals ? TimeSpan.FromSeconds(10) : null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliException e)
        {
            return Fail(context, e.Message, e.ExitCode);
        }
        catch (OperationCanceledException)
        {
            return Fail(context, "interrupted", ExitCodes.Interrupted);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException)
        {
            return Fail(context, OneLine(e.Message), ExitCodes.Failure);
        }
    }

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>"gaia token association" for the command the parser stopped in (the root's own name is the host's).</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Parent: not null } inner)
            {
                names.Insert(0, inner.Command.Name);
            }
        }

        return string.Join(' ', names.Prepend("gaia"));
    }

    private static int Fail(CliContext context, string message, int exitCode)
    {
        context.Error.WriteLine($"gaia: {OneLine(message)}");
        context.Error.Flush();
        return exitCode;
    }
}
