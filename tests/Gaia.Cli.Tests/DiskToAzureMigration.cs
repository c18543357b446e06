using System.Text.Json;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.IntegrationTests;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary>A disk hub listing three files a page, seeded with <see cref="SeedFiles"/>, and an empty Azure hub on Azurite.</summary>
public abstract class DiskToAzureMigration(AzuriteFixture azurite) : IAsyncLifetime
{
    protected LoopbackHub Source { get; private set; } = null!;

    protected LoopbackHub Destination { get; private set; } = null!;

    protected CliRunner Cli { get; } = CliRunner.For(TestKeys.Key0);

    public async ValueTask InitializeAsync()
    {
        Source = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:PageSize"] = "3" });
        Destination = LoopbackHub.Azure(azurite);
        await SeedFiles.StoreAllAsync(Source);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Destination.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected string[] Migrate(params string[] extra) => ["migrate", "--from", Source.Url, "--to", Destination.Url, .. extra];

    protected Task<CliRun> MigrateAsync(params string[] extra) => Cli.RunAsync(Migrate(extra));

    protected static List<JsonElement> Results(JsonElement report) => [.. report.GetProperty("results").EnumerateArray()];

    /// <summary>The bucket's paths on <paramref name="hub"/>, through <c>gaia ls</c>.</summary>
    protected static async Task<IEnumerable<string>> ListAsync(LoopbackHub hub)
    {
        var listed = (await CliRunner.For(TestKeys.Key0, hub).RunAsync("ls", "--json")).Succeeded().Json;
        return listed.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).Order(StringComparer.Ordinal).ToList();
    }
}
