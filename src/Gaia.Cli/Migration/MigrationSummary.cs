using System.Globalization;
using Gaia.Cli.Output;
using Spectre.Console;

namespace Gaia.Cli.Migration;

/// <summary>The table printed after a migration, and the table of files that failed.</summary>
internal static class MigrationSummary
{
    private const int MaxFailuresShown = 50;

    public static void Render(CliOutput output, MigrationReport report)
    {
        var summary = new Table { Title = new TableTitle("Migration summary"), Border = TableBorder.Rounded, ShowHeaders = false }
            .AddColumn("what")
            .AddColumn("value");
        Row(summary, "Bucket", report.Address);
        Row(summary, "From", report.From);
        Row(summary, "To", report.To);
        Row(summary, "Files listed", Count(report.Files));
        Row(summary, "Copied and verified", $"{Count(report.Copied)} ({ByteSize.Format(report.BytesCopied)})");
        Row(summary, "Skipped (already identical)", Count(report.Skipped));
        if (report.Ignored > 0)
        {
            Row(summary, "Ignored (not files)", Count(report.Ignored));
        }

        Row(summary, "Failed", Count(report.Failed));
        if (report.NotStarted > 0)
        {
            Row(summary, "Not started (interrupted)", Count(report.NotStarted));
        }

        Row(summary, "Time", string.Create(CultureInfo.InvariantCulture, $"{report.Seconds:0.0} s"));
        Row(summary, "Rate", $"{ByteSize.Format(report.BytesCopied / Math.Max(report.Seconds, 0.001))}/s");
        Row(summary, "Source", SourceState(report));
        Row(summary, "Result", report.Complete ? "complete" : report.Interrupted ? "interrupted: run again to resume" : "incomplete");
        output.Render(summary);

        var failures = report.Results.Where(r => r.Status == FileStatus.Failed)
            .Select(r => (r.Path, Error: r.Error ?? ""))
            .Concat(report.DeleteFailures.Select(f => (f.Path, Error: "not deleted from the source: " + f.Error)))
            .ToList();
        if (failures.Count == 0)
        {
            return;
        }

        var table = new Table { Title = new TableTitle("Failed files"), Border = TableBorder.Rounded }.AddColumn("Path").AddColumn("Error");
        foreach (var (path, error) in failures.Take(MaxFailuresShown))
        {
            table.AddRow(new Text(path), new Text(error));
        }

        if (failures.Count > MaxFailuresShown)
        {
            table.AddRow(new Text($"… and {failures.Count - MaxFailuresShown} more"), new Text("see --json for all"));
        }

        output.Render(table);
    }

    private static string SourceState(MigrationReport report) => !report.DeleteSource
        ? "kept (no --delete-source)"
        : report.SourceKept is { } reason
            ? $"kept: {reason}"
            : $"{Count(report.DeletedFromSource)} files deleted" + (report.DeleteFailures.Count > 0 ? $", {report.DeleteFailures.Count} refused" : "");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(Table table, string what, string value) => table.AddRow(new Text(what), new Text(value));
}
