using Gaia.Cli.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia hub-info URL</c>.</summary>
public sealed class HubInfoCommandTests : IAsyncLifetime
{
    private LoopbackHub hub = null!;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "7.5" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    [Fact]
    public async Task ShowsWhatTheHubAdvertises()
    {
        var text = (await new CliRunner().RunAsync("hub-info", hub.Url)).Succeeded();
        var json = (await new CliRunner().RunAsync("hub-info", hub.Url + "/", "--json")).Succeeded().Json;

        Assert.Contains("challenge_text                  [\"gaiahub\",\"0\",\"cli-test\",\"blockstack_storage_please_sign\"]", text.Lines);
        Assert.Contains("latest_auth_version             v1", text.Lines);
        Assert.Contains("max_file_upload_size_megabytes  7.5", text.Lines);
        Assert.Contains($"read_url_prefix                 {hub.Url}/read/", text.Lines);
        Assert.Equal(hub.Url, json.GetProperty("url").GetString());
        Assert.Equal(7.5, json.GetProperty("maxFileUploadSizeMegabytes").GetDouble());
        Assert.Equal($"{hub.Url}/read/", json.GetProperty("readUrlPrefix").GetString());
    }

    [Fact]
    public async Task AUrlThatIsNoHubGivesItsStatusAsOneLine()
    {
        var run = await new CliRunner().RunAsync("hub-info", hub.Url + "/not-a-hub");

        Assert.StartsWith($"gaia: hub {hub.Url}/not-a-hub answered 404", run.FailedWith(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableHubGivesOneLine()
    {
        var run = await new CliRunner().RunAsync("hub-info", Unreachable.Url);

        Assert.StartsWith($"gaia: cannot reach hub {Unreachable.Url}: ", run.FailedWith(1), StringComparison.Ordinal);
    }
}
