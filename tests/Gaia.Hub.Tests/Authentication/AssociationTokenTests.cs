using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Association tokens (spec 3.7, 12.1 cases 14–19): key1's bucket token vouched for by identity key0.</summary>
public sealed class AssociationTokenTests
{
    private readonly GaiaAuthenticator authenticator = Authenticators.Create();

    private static string Outer(string associationToken) =>
        TestTokens.Bearer(TestKeys.Key1, new { associationToken });

    [Fact]
    public async Task AValidAssociationMakesTheIdentityTheSigningAddress()
    {
        var header = Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1));

        var identity = await authenticator.CheckAsync(header, TestKeys.Address1);

        Assert.Equal(TestKeys.Address1, identity.Address);
        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
    }

    [Fact]
    public async Task AValidAssociationDoesNotOpenTheIdentitysBucket() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1)), TestKeys.Address0));

    [Fact]
    public async Task AnAssociationWithTheWrongChallengeInTheOuterTokenIsRejected()
    {
        var header = TestTokens.Bearer(TestKeys.Key1, new
        {
            associationToken = TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1),
            gaiaChallenge = "wrong",
        });

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address1));
    }

    [Fact]
    public async Task AnAssociationWithoutIssIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, overrides: new { iss = (string?)null })), TestKeys.Address1));

    [Fact]
    public async Task AnAssociationWithoutExpIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, overrides: new { exp = (double?)null })), TestKeys.Address1));

    [Fact]
    public async Task AnAssociationWithExpZeroIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, overrides: new { exp = 0 })), TestKeys.Address1));

    [Fact]
    public async Task AnExpiredAssociationIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, exp: 1)), TestKeys.Address1));

    [Fact]
    public async Task AForgedAssociationIsRejected()
    {
        var forged = TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, overrides: new { iss = TestKeys.PublicKey1 });

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(Outer(forged), TestKeys.Address1));
    }

    [Fact]
    public async Task AnAssociationForAnotherChildIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey0)), TestKeys.Address1));

    [Fact]
    public async Task AnAssociationWithoutChildIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, overrides: new { childToAssociate = (string?)null })),
            TestKeys.Address1));

    [Fact]
    public async Task AnAssociationThatIsNotAJwtIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(Outer("not-a-jwt"), TestKeys.Address1));

    [Fact]
    public async Task AnEmptyAssociationIsIgnored()
    {
        var identity = await authenticator.CheckAsync(Outer(""), TestKeys.Address1);

        Assert.Equal(TestKeys.Address1, identity.SigningAddress);
    }

    [Fact]
    public async Task AnAssociationThatExpiresLaterOnTheClockIsRejectedThen()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var timed = Authenticators.Create(time: clock);
        var header = Outer(TestTokens.Association(TestKeys.Key0, TestKeys.PublicKey1, exp: 1_700_000_060));
        Assert.Equal(TestKeys.Address0, (await timed.CheckAsync(header, TestKeys.Address1)).SigningAddress);

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_061);

        Assert.Equal(GaiaError.ValidationError, await timed.RejectionAsync(header, TestKeys.Address1));
    }
}
