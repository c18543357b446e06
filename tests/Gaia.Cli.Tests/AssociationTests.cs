using System.Buffers.Text;
using System.Text;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary>A hub that whitelists only an identity address: app keys get in with an association token, wrong keys get a 401.</summary>
public sealed class AssociationTests : IAsyncLifetime
{
    private LoopbackHub hub = null!;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:Whitelist:0"] = TestKeys.Address1 });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    [Fact]
    public async Task AnAssociationTokenNamesTheChildKeyAndIsSignedByTheIdentityKey()
    {
        var run = (await CliRunner.For(TestKeys.Key1).RunAsync("token", "association", TestKeys.PublicKey0, "--exp", "2d", "--json")).Succeeded().Json;

        var payload = run.GetProperty("payload");
        Assert.Equal(TestKeys.PublicKey0, payload.GetProperty("childToAssociate").GetString());
        Assert.Equal(TestKeys.PublicKey1, payload.GetProperty("iss").GetString());
        Assert.Equal(2 * 86_400, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.False(run.TryGetProperty("authorization", out _));
        var header = run.GetProperty("token").GetString()!.Split('.')[0];
        Assert.Equal("""{"typ":"JWT","alg":"ES256K"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(header)));
    }

    [Fact]
    public async Task AWrongKeyForTheHubGetsTheHubs401AsOneLine()
    {
        var app = CliRunner.For(TestKeys.Key0, hub);
        app.Input = "x"u8.ToArray();

        var put = await app.RunAsync("put", "-", "notes.txt");
        var ls = await app.RunAsync("ls");

        Assert.StartsWith($"gaia: hub {hub.Url} answered 401 ValidationError: ", put.FailedWith(1), StringComparison.Ordinal);
        Assert.StartsWith($"gaia: hub {hub.Url} answered 401 ValidationError: ", ls.FailedWith(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppKeyVouchedForByTheWhitelistedIdentityWritesListsAndDeletes()
    {
        var association = (await CliRunner.For(TestKeys.Key1).RunAsync("token", "association", TestKeys.PublicKey0)).Succeeded().Lines[0];
        var app = CliRunner.For(TestKeys.Key0, hub);
        app.Environment["GAIA_ASSOCIATION_TOKEN"] = association;
        app.Input = "hello"u8.ToArray();

        (await app.RunAsync("put", "-", "notes.txt")).Succeeded();
        var listed = (await app.RunAsync("ls")).Succeeded();
        (await app.RunAsync("rm", "notes.txt", "--association-token", association)).Succeeded();

        Assert.Equal(["notes.txt"], listed.Lines);
    }

    [Fact]
    public async Task AnAssociationTokenForAnotherKeyIsRefusedBeforeAnyRequest()
    {
        var association = (await CliRunner.For(TestKeys.Key1).RunAsync("token", "association", TestKeys.PublicKey1)).Succeeded().Lines[0];

        var run = await CliRunner.For(TestKeys.Key0, hub).RunAsync("ls", "--association-token", association);

        Assert.Contains($"vouches for key {TestKeys.PublicKey1}, not for this key", run.FailedWith(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssociationTokenWithABrokenSignatureGetsTheHubs401()
    {
        var association = (await CliRunner.For(TestKeys.Key1).RunAsync("token", "association", TestKeys.PublicKey0)).Succeeded().Lines[0];
        var tampered = association[..^2] + (association[^2..] == "AA" ? "BB" : "AA");

        var run = await CliRunner.For(TestKeys.Key0, hub).RunAsync("ls", "--association-token", tampered);

        Assert.StartsWith($"gaia: hub {hub.Url} answered 401 ", run.FailedWith(1), StringComparison.Ordinal);
    }
}
