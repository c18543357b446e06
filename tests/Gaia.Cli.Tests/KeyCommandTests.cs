using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia key new</c> and <c>gaia key address</c>: no hub involved.</summary>
public sealed class KeyCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gaia-cli-keys").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task KeyNewRefusesToPrintAPrivateKeyNobodyAskedFor()
    {
        var run = await new CliRunner().RunAsync("key", "new");

        Assert.Contains("--out FILE or --show-private", run.FailedWith(2), StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task KeyNewWritesTheKeyToAFileOnlyItsOwnerCanReadAndPrintsOnlyPublicFacts()
    {
        var file = Path.Join(folder, "bucket.key");

        var run = (await new CliRunner().RunAsync("key", "new", "--out", file)).Succeeded();

        var privateKey = File.ReadAllText(file).Trim();
        Assert.Matches("^[0-9a-f]{64}$", privateKey);
        Assert.DoesNotContain(privateKey, run.Out, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var address = (await new CliRunner().RunAsync("key", "address", "--key-file", file)).Succeeded().Out.Trim();
        Assert.Contains($"address      {address}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyNewNeverOverwritesAnExistingKeyFile()
    {
        var file = Path.Join(folder, "taken.key");
        await File.WriteAllTextAsync(file, TestKeys.Key0, TestContext.Current.CancellationToken);

        var run = await new CliRunner().RunAsync("key", "new", "--out", file);

        Assert.Contains("never overwritten", run.FailedWith(2), StringComparison.Ordinal);
        Assert.Equal(TestKeys.Key0, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task KeyNewShowsThePrivateKeyWhenAskedAndItOwnsThePrintedAddress()
    {
        var json = (await new CliRunner().RunAsync("key", "new", "--show-private", "--json")).Succeeded().Json;

        var privateKey = json.GetProperty("privateKey").GetString()!;
        var again = (await new CliRunner().RunAsync("key", "address", "--key", privateKey, "--json")).Succeeded().Json;
        Assert.Equal(json.GetProperty("address").GetString(), again.GetProperty("address").GetString());
        Assert.Equal(json.GetProperty("publicKey").GetString(), again.GetProperty("publicKey").GetString());
    }

    [Fact]
    public async Task KeyAddressTakesTheKeyFromTheOptionTheFileOrTheEnvironment()
    {
        var file = Path.Join(folder, "key0.hex");
        await File.WriteAllTextAsync(file, $"  {TestKeys.Key0.ToUpperInvariant()}\n", TestContext.Current.CancellationToken);

        var fromOption = await new CliRunner().RunAsync("key", "address", "--key", TestKeys.Key0);
        var fromFile = await new CliRunner().RunAsync("key", "address", "--key-file", file);
        var fromEnvironment = await CliRunner.For(TestKeys.Key0).RunAsync("key", "address");
        var withCompressedMarker = await new CliRunner().RunAsync("key", "address", "--key", "0x" + TestKeys.Key1 + "01");

        Assert.All(new[] { fromOption, fromFile, fromEnvironment }, run => Assert.Equal(TestKeys.Address0, run.Succeeded().Out.Trim()));
        Assert.Equal(TestKeys.Address1, withCompressedMarker.Succeeded().Out.Trim());
    }

    [Fact]
    public async Task KeyAddressPrefersTheOptionOverTheEnvironmentButRefusesTwoOptions()
    {
        var cli = CliRunner.For(TestKeys.Key1);
        var file = Path.Join(folder, "key0.hex");
        await File.WriteAllTextAsync(file, TestKeys.Key0, TestContext.Current.CancellationToken);

        Assert.Equal(TestKeys.Address0, (await cli.RunAsync("key", "address", "--key", TestKeys.Key0)).Succeeded().Out.Trim());
        Assert.Contains("either --key or --key-file", (await cli.RunAsync("key", "address", "--key", TestKeys.Key0, "--key-file", file)).FailedWith(2),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicEntryPointWritesToTheGivenWriters()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await GaiaCli.RunAsync(["key", "address", "--key", TestKeys.Key0], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Equal(TestKeys.Address0, output.ToString().Trim());
        Assert.Equal("", error.ToString());
    }
}
