using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary><c>requireCorrectHubUrl</c> and <c>validHubUrls</c> (spec 3.6, 12.2 cases 2–3).</summary>
public sealed class HubUrlTests
{
    private const string Challenge2018 =
        "[\"gaiahub\",\"2018\",\"test-server\",\"blockstack_storage_please_sign\"]";

    private readonly GaiaAuthenticator strict = Authenticators.Create(o =>
    {
        o.RequireCorrectHubUrl = true;
        o.ValidHubUrls = ["https://testserver.com"];
        o.Whitelist = [TestKeys.Address0];
    });

    [Theory]
    [InlineData("0")]
    [InlineData("2018")]
    public async Task ATokenWithoutHubUrlIsRejected(string challengeVersion) =>
        Assert.Equal(GaiaError.ValidationError,
            await strict.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, Claims(challengeVersion, null)), TestKeys.Address0));

    [Theory]
    [InlineData("0", "https://testserver.com")]
    [InlineData("0", "https://testserver.com/")]
    [InlineData("0", "https://test-server")]
    [InlineData("0", "https://test-server/")]
    [InlineData("2018", "https://testserver.com")]
    [InlineData("2018", "https://testserver.com/")]
    public async Task AConfiguredOrImplicitHubUrlIsAccepted(string challengeVersion, string hubUrl)
    {
        var identity = await strict.CheckAsync(TestTokens.Bearer(TestKeys.Key0, Claims(challengeVersion, hubUrl)), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }

    [Theory]
    [InlineData("0", "testserver.com")]
    [InlineData("0", "http://testserver.com")]
    [InlineData("0", "https://TESTSERVER.com")]
    [InlineData("0", "https://testserver.com//")]
    [InlineData("0", "")]
    [InlineData("2018", "testserver.com")]
    public async Task AnyOtherHubUrlIsRejected(string challengeVersion, string hubUrl) =>
        Assert.Equal(GaiaError.ValidationError,
            await strict.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, Claims(challengeVersion, hubUrl)), TestKeys.Address0));

    [Fact]
    public async Task TheWalletsGaiaHubUrlClaimIsAccepted()
    {
        var header = TestTokens.Bearer(TestKeys.Key0, new { gaiaHubUrl = "https://testserver.com" });

        var identity = await strict.CheckAsync(header, TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }

    [Fact]
    public async Task AValidHubUrlEntryWithATrailingSlashNeverMatches()
    {
        var authenticator = Authenticators.Create(o =>
        {
            o.RequireCorrectHubUrl = true;
            o.ValidHubUrls = ["https://slash.example/"];
        });

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            TestTokens.Bearer(TestKeys.Key0, new { hubUrl = "https://slash.example/" }), TestKeys.Address0));
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            TestTokens.Bearer(TestKeys.Key0, new { hubUrl = "https://slash.example" }), TestKeys.Address0));
    }

    [Fact]
    public async Task HubUrlIsIgnoredWhenNotRequired()
    {
        var identity = await Authenticators.Create().CheckAsync(
            TestTokens.Bearer(TestKeys.Key0, new { hubUrl = "https://elsewhere.example" }), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }

    [Fact]
    public async Task LegacyTokensAreNotSubjectToTheHubUrlRule()
    {
        var identity = await strict.CheckAsync(TestTokens.Legacy(TestKeys.Key0, Challenge2018), TestKeys.Address0);

        Assert.True(identity.IsLegacy);
    }

    private static object Claims(string challengeVersion, string? hubUrl) => new
    {
        gaiaChallenge = $"[\"gaiahub\",\"{challengeVersion}\",\"test-server\",\"blockstack_storage_please_sign\"]",
        hubUrl,
    };
}
