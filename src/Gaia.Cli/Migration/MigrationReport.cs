namespace Gaia.Cli.Migration;

/// <summary>What a migration did, file by file; <see cref="Complete"/> is the exit status.</summary>
/// <param name="Files">Files the source listed.</param>
/// <param name="NotStarted">Files never attempted because the run was interrupted.</param>
/// <param name="SourceKept">Why --delete-source deleted nothing, when it did not.</param>
internal sealed record MigrationReport(
    string Address,
    string From,
    string To,
    int Files,
    int Copied,
    int Skipped,
    int Ignored,
    int Failed,
    int NotStarted,
    long BytesCopied,
    double Seconds,
    bool Interrupted,
    bool DeleteSource,
    int DeletedFromSource,
    string? SourceKept,
    IReadOnlyList<DeleteFailure> DeleteFailures,
    IReadOnlyList<FileOutcome> Results)
{
    /// <summary>Every listed file is verified at the destination and, with --delete-source, gone from the source.</summary>
    public bool Complete => !Interrupted && Failed == 0 && NotStarted == 0 && DeleteFailures.Count == 0 && SourceKept is null;
}

/// <summary>A verified file the source hub refused to delete.</summary>
internal sealed record DeleteFailure(string Path, string Error);
