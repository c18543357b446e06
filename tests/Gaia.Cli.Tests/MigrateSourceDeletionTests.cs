using Gaia.Cli.Tests.Support;
using Gaia.Hub.IntegrationTests;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia migrate --delete-source</c> empties the source only once every file is verified; refusals stop the run.</summary>
public sealed class MigrateSourceDeletionTests(AzuriteFixture azurite) : DiskToAzureMigration(azurite)
{
    [Fact]
    public async Task DeleteSourceEmptiesTheSourceOnceEveryFileIsVerified()
    {
        var report = (await MigrateAsync("--delete-source", "--json")).Succeeded().Json;

        Assert.Equal(10, report.GetProperty("deletedFromSource").GetInt32());
        Assert.Empty(await ListAsync(Source));
        await SeedFiles.AssertServedByAsync(Destination);
    }

    [Fact]
    public async Task DeleteSourceKeepsEveryFileWhenOneCannotBeCopied()
    {
        await using var small = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.1" });

        var run = await Cli.RunAsync("migrate", "--from", Source.Url, "--to", small.Url, "--delete-source", "--json");

        Assert.Equal("gaia: migration incomplete: 1 failed, 0 not deleted from the source; the source was kept", run.FailedWith(1));
        var report = run.Json;
        Assert.Equal(9, report.GetProperty("copied").GetInt32());
        Assert.Equal(0, report.GetProperty("deletedFromSource").GetInt32());
        Assert.False(string.IsNullOrEmpty(report.GetProperty("sourceKept").GetString()));
        var failure = Assert.Single(Results(report), r => r.GetProperty("status").GetString() == "failed");
        Assert.Equal("photos/été 🌞.bin", failure.GetProperty("path").GetString());
        Assert.Contains("upload limit", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(SeedFiles.Paths, await ListAsync(Source));
    }

    [Fact]
    public async Task AKeyTheDestinationRefusesStopsTheMigrationWithTheHubs401()
    {
        await using var guarded = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:Whitelist:0"] = TestKeys.Address1 });

        var run = await Cli.RunAsync("migrate", "--from", Source.Url, "--to", guarded.Url);

        Assert.StartsWith($"gaia: hub {guarded.Url} answered 401 ValidationError: ", run.FailedWith(1), StringComparison.Ordinal);
    }
}
