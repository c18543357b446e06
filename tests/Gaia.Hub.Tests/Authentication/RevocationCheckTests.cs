using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>How a bucket's oldest valid timestamp is compared with a v1 token's <c>iat</c> (spec 4).</summary>
public sealed class RevocationCheckTests
{
    private readonly FakeRevocationStore revocations = new();
    private readonly GaiaAuthenticator authenticator;

    public RevocationCheckTests()
    {
        revocations.Set(TestKeys.Address0, 1_700_000_000);
        authenticator = Authenticators.Create(revocations: revocations);
    }

    [Fact]
    public async Task ATokenWithoutIatIsRejectedOnceTheBucketHasATimestamp() =>
        Assert.Equal(GaiaError.AuthTokenTimestampValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0), TestKeys.Address0));

    [Fact]
    public async Task AnIatOfZeroCountsAsNoIat() =>
        Assert.Equal(GaiaError.AuthTokenTimestampValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iat = 0 }), TestKeys.Address0));

    [Theory]
    [InlineData(1_699_999_999)]
    [InlineData(1_699_999_999.9)]
    public async Task AnIatBeforeTheTimestampIsRejected(double iat) =>
        Assert.Equal(GaiaError.AuthTokenTimestampValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iat }), TestKeys.Address0));

    [Theory]
    [InlineData(1_700_000_000)]
    [InlineData(1_700_000_000.5)]
    [InlineData(4_102_444_800)]
    public async Task AnIatAtOrAfterTheTimestampIsAccepted(double iat)
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key0, new { iat }), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }

    [Fact]
    public async Task ATokenWithoutIatIsAcceptedForABucketThatWasNeverRevoked()
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key1), TestKeys.Address1);

        Assert.Equal(TestKeys.Address1, identity.Address);
        Assert.Equal(1, revocations.Reads);
    }

    [Fact]
    public async Task TheCheckIsSkippedWhenRevocationIsNotChecked()
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key0), TestKeys.Address0, checkRevocation: false);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(0, revocations.Reads);
    }

    [Fact]
    public async Task TheAssociationTokensIatIsNotConsulted()
    {
        var association = TestTokens.Association(TestKeys.Key1, TestKeys.PublicKey0, overrides: new { iat = 4_102_444_800 });

        var error = await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { associationToken = association }), TestKeys.Address0);

        Assert.Equal(GaiaError.AuthTokenTimestampValidationError, error);
    }

    [Fact]
    public async Task AWrongAddressIsAValidationErrorEvenForARevokedBucket() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key1, new { iat = 1_800_000_000 }), TestKeys.Address0));
}
