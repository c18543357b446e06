using System.Net;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// A token whose <c>iat</c> lies beyond the largest revocation timestamp (an <c>iat</c> in milliseconds, a common client
/// mistake) could never be revoked, so it is refused with 401 everywhere (issue 11).
/// </summary>
public sealed class UnrevocableTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIatInMillisecondsIsRefusedOnEveryRouteBeforeAndAfterRevokeAll()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var milliseconds = TestTokens.Bearer(TestKeys.Key0, new { iat = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken()), Ct));

        await AssertRefusedAsync(client, milliseconds);
        await HubAssert.JsonAsync(await client.SendAsync(
            HubRequests.RevokeAll($"{{\"oldestValidTimestamp\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.Accepted);
        await AssertRefusedAsync(client, milliseconds);
    }

    [Fact]
    public async Task TheLargestRevocableIatIsAccepted()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.StoredAsync(await client.SendAsync(
            HubRequests.Store("a.txt", [1], TestTokens.Bearer(TestKeys.Key0, new { iat = 253_402_300_799 })), Ct));
    }

    private static async Task AssertRefusedAsync(HttpClient client, string token)
    {
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("a.txt", [2], token), Ct), HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete("a.txt", token), Ct), HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.ListFiles(null, token), Ct), HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.RevokeAll("{\"oldestValidTimestamp\":1}", token), Ct),
            HttpStatusCode.Unauthorized, "ValidationError");
    }
}
