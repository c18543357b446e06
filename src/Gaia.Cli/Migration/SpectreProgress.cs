using System.Globalization;
using Spectre.Console;

namespace Gaia.Cli.Migration;

/// <summary>The live progress bar on a terminal: files settled, bytes moved, transfer rate and time left.</summary>
internal sealed class SpectreProgress : IMigrationProgress
{
    private readonly Lock gate = new();
    private readonly ProgressTask task;
    private int total;
    private int settled;
    private int failed;

    private SpectreProgress(ProgressTask task) => this.task = task;

    /// <summary>Runs <paramref name="work"/> under a live progress display on <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IMigrationProgress, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn { Culture = CultureInfo.InvariantCulture },
                new TransferSpeedColumn { Culture = CultureInfo.InvariantCulture },
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context =>
            {
                var task = context.AddTask("listing files", autoStart: true, maxValue: 1).IsIndeterminate(true);
                return work(new SpectreProgress(task));
            });

    public void Start(int files, long bytes)
    {
        lock (gate)
        {
            total = files;
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(bytes, 1);
            task.Value = 0;
            task.Description = Describe();
        }
    }

    public void AddBytes(long bytes)
    {
        lock (gate)
        {
            task.Increment(bytes);
        }
    }

    public void FileSettled(FileOutcome outcome)
    {
        lock (gate)
        {
            settled++;
            failed += outcome.Status == FileStatus.Failed ? 1 : 0;
            task.Description = Describe();
            if (settled == total)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private string Describe() => failed == 0
        ? $"{settled}/{total} files"
        : $"{settled}/{total} files [red]{failed} failed[/]";
}
