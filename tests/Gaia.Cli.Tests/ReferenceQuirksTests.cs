using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary>Listing and migrating from a hub that behaves like the reference hub where it differs from ours.</summary>
public sealed class ReferenceQuirksTests : IAsyncLifetime
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        ["a.txt"] = ("text/plain; charset=utf-8", "hello"u8.ToArray()),
        ["photos/b c.bin"] = ("image/webp", [1, 2, 3, 0, 255]),
    };

    private QuirkyHub quirky = null!;
    private LoopbackHub destination = null!;

    public async ValueTask InitializeAsync()
    {
        quirky = await QuirkyHub.StartAsync(TestKeys.Address0, Files);
        destination = LoopbackHub.Disk();
    }

    public async ValueTask DisposeAsync()
    {
        await quirky.DisposeAsync();
        await destination.DisposeAsync();
    }

    [Fact]
    public async Task LsSkipsNullEntriesAndStopsOnAnEmptyPage()
    {
        var run = (await CliRunner.For(TestKeys.Key0).RunAsync("ls", "--hub", quirky.Url)).Succeeded();

        Assert.Equal(["a.txt", "photos/b c.bin", "auth/authTimestamp"], run.Lines);
    }

    [Fact]
    public async Task MigrationTakesContentTypesFromReadsAndIgnoresTheListedRevocationMarker()
    {
        var run = await CliRunner.For(TestKeys.Key0).RunAsync("migrate", "--from", quirky.Url, "--to", destination.Url, "--json");

        var report = run.Succeeded().Json;
        Assert.Equal(3, report.GetProperty("files").GetInt32());
        Assert.Equal(2, report.GetProperty("copied").GetInt32());
        Assert.Equal(1, report.GetProperty("ignored").GetInt32());
        var stats = (await CliRunner.For(TestKeys.Key0, destination).RunAsync("ls", "--stat", "--json")).Succeeded().Json
            .GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("contentType").GetString());
        Assert.Equal(Files.ToDictionary(f => f.Key, f => (string?)f.Value.ContentType), stats);
    }
}
