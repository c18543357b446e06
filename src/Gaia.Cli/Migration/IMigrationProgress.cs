namespace Gaia.Cli.Migration;

/// <summary>Receives a migration's progress; called from several copy tasks at once.</summary>
internal interface IMigrationProgress
{
    /// <summary>The source listing is complete: this many files and bytes are to be settled.</summary>
    void Start(int files, long bytes);

    /// <summary>Bytes moved (negative when a failed attempt is taken back).</summary>
    void AddBytes(long bytes);

    void FileSettled(FileOutcome outcome);
}
