using System.Net;

namespace Gaia.Cli;

/// <summary>A failure to report as one line on standard error, with the exit code to end on.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The HTTP status a hub or read endpoint answered with, when that is what failed.</summary>
    public HttpStatusCode? Status { get; } = status;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
