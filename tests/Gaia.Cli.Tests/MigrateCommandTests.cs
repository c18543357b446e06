using Gaia.Cli.Tests.Support;
using Gaia.Hub.IntegrationTests;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.AzureBlob;
using Gaia.Hub.Telemetry;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Cli.Tests;

/// <summary>
/// <c>gaia migrate</c> from a disk hub that lists three files a page to an Azure hub on Azurite: every file copied with
/// its bytes and content type and verified, resumable after an interruption, with per-file lines or a live progress bar.
/// </summary>
public sealed class MigrateCommandTests(AzuriteFixture azurite) : DiskToAzureMigration(azurite)
{
    [Fact]
    public async Task CopiesEveryFileWithItsBytesAndContentTypeAndVerifiesEach()
    {
        var report = (await MigrateAsync("--json")).Succeeded().Json;

        Assert.Equal(10, report.GetProperty("files").GetInt32());
        Assert.Equal(10, report.GetProperty("copied").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        Assert.Equal(SeedFiles.All.Sum(f => f.Bytes.Length), report.GetProperty("bytesCopied").GetInt64());
        Assert.Equal(SeedFiles.Paths, Results(report).Select(r => r.GetProperty("path").GetString()));
        Assert.All(Results(report), r => Assert.Matches("^[0-9a-f]{64}$", r.GetProperty("sha256").GetString()));
        await SeedFiles.AssertServedByAsync(Destination);
        Assert.IsType<AzureBlobDriver>(StorageDriverTelemetry.Unwrap(Destination.Services.GetRequiredService<IStorageDriver>()));
        Assert.Equal(SeedFiles.Paths, await ListAsync(Destination));
        Assert.Equal(SeedFiles.Paths, await ListAsync(Source));
    }

    [Fact]
    public async Task AnInterruptedRunResumesAndSkipsWhatItAlreadyCopied()
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var settled = 0;
        Cli.OnMigratedFile = _ =>
        {
            if (Interlocked.Increment(ref settled) == 3)
            {
                interrupt.Cancel();
            }
        };

        var first = await Cli.RunCancellableAsync(interrupt.Token, Migrate("--parallel", "2", "--json"));
        Cli.OnMigratedFile = null;
        var second = (await MigrateAsync("--json")).Succeeded().Json;

        Assert.Contains("interrupted; run the same command again to resume", first.FailedWith(130), StringComparison.Ordinal);
        var partial = first.Json;
        Assert.True(partial.GetProperty("interrupted").GetBoolean());
        Assert.InRange(partial.GetProperty("copied").GetInt32(), 3, 4);
        Assert.InRange(partial.GetProperty("notStarted").GetInt32(), 4, 7);
        var copiedFirst = Results(partial).Where(r => r.GetProperty("status").GetString() == "copied").Select(r => r.GetProperty("path").GetString()).ToList();
        var statuses = Results(second).ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("status").GetString());
        Assert.All(copiedFirst, path => Assert.Equal("skipped", statuses[path!]));
        Assert.True(second.GetProperty("copied").GetInt32() >= 4);
        Assert.Equal(10, second.GetProperty("copied").GetInt32() + second.GetProperty("skipped").GetInt32());
        await SeedFiles.AssertServedByAsync(Destination);
    }

    [Fact]
    public async Task AFileChangedAtTheDestinationIsCopiedAgainEvenWhenItsSizeIsTheSame()
    {
        (await MigrateAsync()).Succeeded();
        var atDestination = CliRunner.For(TestKeys.Key0, Destination);
        atDestination.Input = "FIRST NOTE\n"u8.ToArray();
        (await atDestination.RunAsync("put", "-", "notes/a.txt", "--content-type", "text/plain")).Succeeded();
        atDestination.Input = SeedFiles.All.Single(f => f.Path == "deep/a/b/c/d.txt").Bytes;
        (await atDestination.RunAsync("put", "-", "deep/a/b/c/d.txt", "--content-type", "text/x-other")).Succeeded();

        var again = (await MigrateAsync()).Succeeded();

        Assert.Contains("copied   notes/a.txt (11 B)", again.Lines);
        Assert.Contains("copied   deep/a/b/c/d.txt (4 B)", again.Lines);
        Assert.Equal(8, again.Lines.Count(l => l.StartsWith("skipped  ", StringComparison.Ordinal)));
        Assert.Contains(again.Lines, l => l.Contains("Skipped (already identical) │ 8", StringComparison.Ordinal));
        await SeedFiles.AssertServedByAsync(Destination);
    }

    [Fact]
    public async Task TheTextReportListsEachFileAndEndsWithASummaryTable()
    {
        var run = (await MigrateAsync()).Succeeded();

        Assert.Equal($"migrating bucket {TestKeys.Address0} from {Source.Url} to {Destination.Url}", run.Lines[0]);
        Assert.Equal(10, run.Lines.Count(l => l.StartsWith("copied   ", StringComparison.Ordinal)));
        Assert.Contains("copied   photos/été 🌞.bin (146.5 KiB)", run.Lines);
        Assert.Contains(run.Lines, l => l.Contains("Migration summary", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Copied and verified         │ 10 (", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Result                      │ complete", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Out);
    }

    [Fact]
    public async Task OnATerminalALiveProgressBarShowsFilesBytesAndRate()
    {
        Cli.IsTerminal = true;

        var run = (await MigrateAsync()).Succeeded();

        Assert.Contains("10/10 files", run.Out, StringComparison.Ordinal);
        Assert.Contains("Migration summary", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("copied   ", run.Out, StringComparison.Ordinal);
        await SeedFiles.AssertServedByAsync(Destination);
    }
}
