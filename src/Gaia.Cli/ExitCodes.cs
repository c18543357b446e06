namespace Gaia.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A hub refused or failed, a file could not be read or written, a migration left a file behind.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown option, missing key, malformed value.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
