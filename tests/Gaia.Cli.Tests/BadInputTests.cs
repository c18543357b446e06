using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary>Bad keys, missing settings, unknown options and hubs that cannot be reached: one line on stderr, a non-zero exit.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> MalformedKeys => new()
    {
        "not-a-key",
        TestKeys.Key0[..63],
        TestKeys.Key0 + "00",
        new string('0', 64),
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task AMalformedKeyIsRefusedWithoutEchoingIt(string key)
    {
        var fromOption = await new CliRunner().RunAsync("ls", "--hub", "http://127.0.0.1:1", "--key", key);
        var fromEnvironment = await CliRunner.For(key).RunAsync("key", "address");

        Assert.Contains("the key from --key is ", fromOption.FailedWith(2), StringComparison.Ordinal);
        Assert.Contains("the key from GAIA_KEY is ", fromEnvironment.FailedWith(2), StringComparison.Ordinal);
        Assert.DoesNotContain(key, fromOption.Error + fromEnvironment.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingKeyOrKeyFileOrHubIsNamed()
    {
        var noKey = await new CliRunner().RunAsync("ls", "--hub", "http://127.0.0.1:1");
        var noFile = await new CliRunner().RunAsync("key", "address", "--key-file", "/nonexistent/gaia.key");
        var noHub = await CliRunner.For(TestKeys.Key0).RunAsync("ls");
        var badHub = await CliRunner.For(TestKeys.Key0).RunAsync("ls", "--hub", "ftp://example.com");

        Assert.Contains("no key: give --key HEX or --key-file PATH, or set GAIA_KEY", noKey.FailedWith(2), StringComparison.Ordinal);
        Assert.Contains("cannot read the key file /nonexistent/gaia.key", noFile.FailedWith(2), StringComparison.Ordinal);
        Assert.Contains("no hub: give --hub URL or set GAIA_HUB", noHub.FailedWith(2), StringComparison.Ordinal);
        Assert.Contains("--hub 'ftp://example.com' is not an http or https URL", badHub.FailedWith(2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ls", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("migrate", "--from", "http://127.0.0.1:1")]
    [InlineData("migrate", "--from", "http://a", "--to", "http://b", "--parallel", "0")]
    [InlineData]
    public async Task UsageErrorsAreOneLineWithExitCodeTwo(params string[] args)
    {
        var run = await CliRunner.For(TestKeys.Key0).RunAsync(args);

        Assert.Contains("--help')", run.FailedWith(2), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ls")]
    [InlineData("put", "-", "a.txt")]
    [InlineData("rm", "a.txt")]
    [InlineData("get", "a.txt")]
    [InlineData("revoke", "--yes")]
    [InlineData("token", "--hub-url", "{hub}")]
    public async Task AnUnreachableHubIsOneLineWithExitCodeOne(params string[] args)
    {
        var cli = CliRunner.For(TestKeys.Key0);
        cli.Environment["GAIA_HUB"] = Unreachable.Url;

        var run = await cli.RunAsync([.. args.Select(a => a.Replace("{hub}", Unreachable.Url, StringComparison.Ordinal))]);

        Assert.StartsWith($"gaia: cannot reach hub {Unreachable.Url}: ", run.FailedWith(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutRefusesAFileOverTheHubsUploadLimitBeforeSendingIt()
    {
        await using var small = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.01" });
        var local = Path.Join(Path.GetTempPath(), $"gaia-cli-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(local, new byte[20_000], TestContext.Current.CancellationToken);

        var run = await CliRunner.For(TestKeys.Key0, small).RunAsync("put", local, "big.bin");

        Assert.Contains("is 20000 bytes", run.FailedWith(1), StringComparison.Ordinal);
        Assert.Contains("at most 0.01 MB", run.Error, StringComparison.Ordinal);
        File.Delete(local);
    }

    [Fact]
    public async Task GetWithJsonNeedsAFileBecauseStandardOutputCarriesTheBytes()
    {
        var run = await CliRunner.For(TestKeys.Key0).RunAsync("get", "x.txt", "--hub", "http://127.0.0.1:1", "--json");

        Assert.Contains("--json needs a FILE", run.FailedWith(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigratingFromOrToAnUnreachableHubIsOneLine()
    {
        await using var hub = LoopbackHub.Disk();
        var cli = CliRunner.For(TestKeys.Key0);

        var from = await cli.RunAsync("migrate", "--from", Unreachable.Url, "--to", hub.Url);
        var to = await cli.RunAsync("migrate", "--from", hub.Url, "--to", Unreachable.Url);
        var same = await cli.RunAsync("migrate", "--from", hub.Url, "--to", hub.Url + "/");

        Assert.StartsWith($"gaia: cannot reach hub {Unreachable.Url}", from.FailedWith(1), StringComparison.Ordinal);
        Assert.StartsWith($"gaia: cannot reach hub {Unreachable.Url}", to.FailedWith(1), StringComparison.Ordinal);
        Assert.Contains("--from and --to are the same hub", same.FailedWith(2), StringComparison.Ordinal);
    }
}
