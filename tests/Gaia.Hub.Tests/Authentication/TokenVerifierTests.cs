using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>The bounded cache of verified signatures, and the per-request checks it must not skip.</summary>
public sealed class TokenVerifierTests
{
    private const long Now = 1_700_000_000;
    private readonly ManualClock clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));
    private readonly FakeRevocationStore revocations = new();

    private static TokenVerifier Verifier(int cacheSize = 10_000) =>
        new(Options.Create(new GaiaHubOptions { ServerName = TestTokens.ServerName, TokenCacheSize = cacheSize }));

    private static string AuthPart(string bearer) => bearer["bearer ".Length..];

    private GaiaAuthenticator AuthenticatorOver(TokenVerifier verifier) =>
        new(verifier, revocations, Options.Create(new GaiaHubOptions { ServerName = TestTokens.ServerName }), clock);

    [Fact]
    public void AReusedTokenReturnsTheSameVerifiedInstance()
    {
        var verifier = Verifier();
        var token = AuthPart(TestTokens.Bearer(TestKeys.Key0));

        var first = verifier.Verify(token);

        Assert.Same(first, verifier.Verify(token));
        Assert.Equal(TestKeys.Address0, first.IssuerAddress);
    }

    [Fact]
    public void TheCacheIsBounded()
    {
        var verifier = Verifier(cacheSize: 4);
        var first = AuthPart(TestTokens.Bearer(TestKeys.Key0));
        var cached = verifier.Verify(first);
        string last = "";
        for (var i = 0; i < 20; i++)
        {
            last = AuthPart(TestTokens.Bearer(TestKeys.Key0));
            verifier.Verify(last);
        }

        Assert.NotSame(cached, verifier.Verify(first));
        Assert.Same(verifier.Verify(last), verifier.Verify(last));
    }

    [Fact]
    public void ACacheSizeOfZeroVerifiesEveryTime()
    {
        var verifier = Verifier(cacheSize: 0);
        var token = AuthPart(TestTokens.Bearer(TestKeys.Key0));

        Assert.NotSame(verifier.Verify(token), verifier.Verify(token));
    }

    [Fact]
    public void AnInvalidTokenIsRejectedEveryTime()
    {
        var verifier = Verifier();
        var tampered = AuthPart("bearer v1:" + AppendixVectors.Tampered);

        Assert.Equal(GaiaError.ValidationError, Assert.Throws<GaiaException>(() => verifier.Verify(tampered)).Error);
        Assert.Equal(GaiaError.ValidationError, Assert.Throws<GaiaException>(() => verifier.Verify(tampered)).Error);
    }

    [Fact]
    public void ItAcceptsTheThreeChallengesOfItsServer() =>
        Assert.Equal(ChallengeText.AcceptedFor(TestTokens.ServerName), Verifier().AcceptedChallenges);

    [Fact]
    public async Task ACachedTokenStillExpires()
    {
        var verifier = Verifier();
        var authenticator = AuthenticatorOver(verifier);
        var header = TestTokens.Bearer(TestKeys.Key0, new { exp = Now + 60 });
        await authenticator.CheckAsync(header, TestKeys.Address0);
        clock.Now = DateTimeOffset.FromUnixTimeSeconds(Now + 60);
        await authenticator.CheckAsync(header, TestKeys.Address0);

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(Now + 61);

        Assert.Same(verifier.Verify(AuthPart(header)), verifier.Verify(AuthPart(header)));
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address0));
    }

    [Fact]
    public async Task ACachedTokenIsStillRevoked()
    {
        var authenticator = AuthenticatorOver(Verifier());
        var header = TestTokens.Bearer(TestKeys.Key0, new { iat = Now });
        await authenticator.CheckAsync(header, TestKeys.Address0);

        revocations.Set(TestKeys.Address0, Now + 1);

        Assert.Equal(GaiaError.AuthTokenTimestampValidationError, await authenticator.RejectionAsync(header, TestKeys.Address0));
    }

    [Fact]
    public async Task ACachedTokenIsStillBoundToItsBucket()
    {
        var authenticator = AuthenticatorOver(Verifier());
        var header = TestTokens.Bearer(TestKeys.Key0);
        await authenticator.CheckAsync(header, TestKeys.Address0);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address1));
    }
}
