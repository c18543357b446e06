namespace Gaia.Cli.Migration;

/// <summary>For <c>--json</c>: the only output is the final report.</summary>
internal sealed class NoProgress : IMigrationProgress
{
    public void Start(int files, long bytes)
    {
    }

    public void AddBytes(long bytes)
    {
    }

    public void FileSettled(FileOutcome outcome)
    {
    }
}
