using System.Globalization;
using Gaia.Cli.Output;

namespace Gaia.Cli.Migration;

/// <summary>Progress for logs and pipes: one line per settled file (nothing at all under <c>--json</c>).</summary>
internal sealed class LineProgress(CliOutput output) : IMigrationProgress
{
    public void Start(int files, long bytes) =>
        output.Line($"{files} files, {ByteSize.Format(bytes)} to migrate");

    public void AddBytes(long bytes)
    {
    }

    public void FileSettled(FileOutcome outcome)
    {
        var status = outcome.Status.ToString().ToLower(CultureInfo.InvariantCulture);
        output.Line(outcome.Error is null
            ? $"{status,-8} {outcome.Path} ({ByteSize.Format(outcome.Bytes)})"
            : $"{status,-8} {outcome.Path}: {outcome.Error}");
    }
}
