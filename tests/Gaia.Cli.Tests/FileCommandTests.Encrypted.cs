using System.Security.Cryptography;
using System.Text;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

// gaia put --encrypt/--sign and gaia get --decrypt/--verify (their interop with @stacks/storage: tests/run-interop.sh).
public sealed partial class FileCommandTests
{
    [Fact]
    public async Task AnEncryptedFileIsAnEnvelopeOnTheHubAndItsPlaintextWithDecrypt()
    {
        cli.Input = Encoding.UTF8.GetBytes("dear diary 🌞");

        var put = (await cli.RunAsync("put", "-", "diary.txt", "--encrypt", "--json")).Succeeded().Json;
        var stored = (await cli.RunAsync("get", "diary.txt")).Succeeded().StandardOutput;
        var plain = (await cli.RunAsync("get", "diary.txt", "--decrypt")).Succeeded().StandardOutput;

        Assert.Equal("application/json", put.GetProperty("contentType").GetString());
        Assert.Contains("\"ephemeralPK\"", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(cli.Input, plain);
    }

    [Fact]
    public async Task AnotherKeyCannotDecryptAndOnlyTheOwnersSignatureVerifies()
    {
        var bytes = RandomNumberGenerator.GetBytes(5_000);
        var local = Path.Join(folder, "blob.bin");
        await File.WriteAllBytesAsync(local, bytes, TestContext.Current.CancellationToken);
        (await cli.RunAsync("put", local, "blob.bin", "--encrypt", "--sign")).Succeeded();
        (await cli.RunAsync("put", local, "plain.bin", "--sign")).Succeeded();
        var other = CliRunner.For(TestKeys.Key1, hub);

        var verified = (await cli.RunAsync("get", "blob.bin", Path.Join(folder, "back.bin"), "--decrypt", "--verify")).Succeeded();
        var plainVerified = (await cli.RunAsync("get", "plain.bin", "--verify")).Succeeded().StandardOutput;
        var wrongKey = await other.RunAsync("get", "blob.bin", "--bucket", TestKeys.Address0, "--decrypt");

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Join(folder, "back.bin"), TestContext.Current.CancellationToken));
        Assert.Equal(bytes, plainVerified);
        Assert.Contains("MAC", wrongKey.FailedWith(1), StringComparison.Ordinal);
        Assert.StartsWith($"wrote {Path.Join(folder, "back.bin")} (5000 bytes", verified.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileChangedAfterSigningFailsVerify()
    {
        cli.Input = "signed"u8.ToArray();
        (await cli.RunAsync("put", "-", "note.txt", "--sign")).Succeeded();
        cli.Input = "changed"u8.ToArray();
        (await cli.RunAsync("put", "-", "note.txt")).Succeeded();

        var run = await cli.RunAsync("get", "note.txt", "--verify");

        Assert.Contains("does not match", run.FailedWith(1), StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
    }
}
