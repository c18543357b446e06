using System.Net;
using Gaia.Protocol.Tests;

namespace Gaia.Hub.Tests.Http;

/// <summary>Tokens whose JSON holds text that is not valid Unicode get 401 ValidationError on every endpoint, never a 500.</summary>
public sealed class TokenTextTests
{
    private static readonly string[] Endpoints = ["store", "delete", "list-files", "revoke-all"];

    public static TheoryData<string, string> EveryEndpointAndCase =>
        [.. Endpoints.SelectMany(e => BadTextTokens.Cases.Keys.Select(c => (e, c)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(EveryEndpointAndCase))]
    public async Task ATokenWithTextThatIsNotUnicodeIsRefusedWith401(string endpoint, string name)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var authorization = "bearer " + BadTextTokens.Cases[name];

        var response = await client.SendAsync(endpoint switch
        {
            "store" => HubRequests.Store("target.txt", "new"u8.ToArray(), authorization),
            "delete" => HubRequests.Delete("target.txt", authorization),
            "list-files" => HubRequests.ListFiles("{\"page\":null}", authorization),
            _ => HubRequests.RevokeAll("{\"oldestValidTimestamp\":1}", authorization),
        }, Ct);

        await HubAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "ValidationError");
        Assert.Equal("*", HubAssert.Header(response, "Access-Control-Allow-Origin"));
    }
}
