using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia revoke</c>: the hub's revocation timestamp against the iat of later tokens.</summary>
public sealed class RevokeCommandTests : IAsyncLifetime
{
    private LoopbackHub hub = null!;
    private CliRunner cli = null!;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk();
        cli = CliRunner.For(TestKeys.Key0, hub);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    [Fact]
    public async Task RevokingNeedsAnExplicitYes()
    {
        var run = await cli.RunAsync("revoke");

        Assert.Contains("add --yes", run.FailedWith(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingNowLeavesTheCliWorkingBecauseItsTokensAreIssuedAfterwards()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var revoked = (await cli.RunAsync("revoke", "--yes", "--json")).Succeeded().Json;
        var listed = await cli.RunAsync("ls");

        Assert.Equal(TestKeys.Address0, revoked.GetProperty("address").GetString());
        Assert.InRange(revoked.GetProperty("oldestValidTimestamp").GetInt64(), before, before + 60);
        listed.Succeeded();
    }

    [Fact]
    public async Task RevokingUntilLaterLocksOutTokensIssuedNowWithTheHubs401()
    {
        var revoked = (await cli.RunAsync("revoke", "--before", "+1h", "--yes")).Succeeded();
        var listed = await cli.RunAsync("ls");
        var later = (await cli.RunAsync("token", "--hub-url", hub.Url, "--iat", "+2h")).Succeeded().Lines[0];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{hub.Url}/list-files/{TestKeys.Address0}");
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + later);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains($"tokens for bucket {TestKeys.Address0} issued before ", revoked.Out, StringComparison.Ordinal);
        Assert.StartsWith($"gaia: hub {hub.Url} answered 401 AuthTokenTimestampValidationError: ", listed.FailedWith(1), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }
}
