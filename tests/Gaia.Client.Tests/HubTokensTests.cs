using System.Buffers.Text;
using System.Text.Json;
using Gaia.Hub.Tests.Support;
using Gaia.Protocol;

namespace Gaia.Client.Tests;

/// <summary>The token a client signs: the hub's challenge, hubUrl, iat, exp, scopes and association token; a legacy token for pre-v1 hubs.</summary>
public sealed class HubTokensTests
{
    private static readonly HubInfo V1 = new(ChallengeText.For("test-server"), "v1", 20, "http://hub.test/read/");

    [Fact]
    public void AV1TokenCarriesTheOptionsAndVerifies()
    {
        var options = new GaiaHubClientOptions { TokenLifetime = TimeSpan.FromHours(1), AssociationToken = null };
        options.Scopes.Add(new AuthScope(AuthScope.PutFilePrefix, "photos/"));
        var tokens = new HubTokens("http://hub.test", BucketKey.Parse(TestKeys.Key0), options);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var header = tokens.Authorization(V1);
        var verified = TokenParser.Verify(header.AsSpan("bearer ".Length), ChallengeText.AcceptedFor("test-server"));

        Assert.Equal(TestKeys.Address0, verified.IssuerAddress);
        Assert.Equal("http://hub.test", verified.HubUrl);
        Assert.InRange(verified.IssuedAt!.Value, now - 5, now + 5);
        Assert.InRange(verified.ExpiresAt!.Value, now + 3595, now + 3605);
        Assert.Equal([new AuthScope(AuthScope.PutFilePrefix, "photos/")], verified.Scopes.Scopes);
        Assert.Same(header, tokens.Authorization(V1));
    }

    [Fact]
    public void WithoutIssuedAtTheTokenIsLikeConnectToGaiaHubs()
    {
        var tokens = new HubTokens("http://hub.test", BucketKey.Parse(TestKeys.Key0), new GaiaHubClientOptions { IncludeIssuedAt = false });

        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(tokens.Authorization(V1).Split('.')[1])).RootElement;

        Assert.Equal(["gaiaChallenge", "hubUrl", "iss", "salt"], payload.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void AHubWithoutV1GetsALegacyToken()
    {
        var tokens = new HubTokens("http://hub.test", BucketKey.Parse(TestKeys.Key1), new GaiaHubClientOptions());

        var header = tokens.Authorization(V1 with { LatestAuthVersion = null });

        Assert.True(TokenParser.Verify(header.AsSpan("bearer ".Length), ChallengeText.AcceptedFor("test-server")).IsLegacy);
    }
}
