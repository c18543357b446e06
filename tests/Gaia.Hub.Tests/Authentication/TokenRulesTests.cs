using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Malformed headers and v1 tokens (spec 3.1, 3.5, 12.1): every one is a 401 ValidationError, never a crash.</summary>
public sealed class TokenRulesTests
{
    private readonly GaiaAuthenticator authenticator = Authenticators.Create();

    [Fact]
    public async Task AWellFormedTokenByKey0IsValidForKey0sBucket()
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key0), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
        Assert.False(identity.IsLegacy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("token v1:abc.def.ghi")]
    public async Task AHeaderThatIsNotBearerIsRejected(string? header) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address0));

    [Fact]
    public async Task ATokenWithoutTheBearerPrefixIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0)["bearer ".Length..], TestKeys.Address0));

    [Theory]
    [InlineData("v2:")]
    [InlineData("V1:")]
    [InlineData("v0:")]
    [InlineData(":")]
    public async Task AVersionOtherThanV1IsRejected(string version)
    {
        var header = "bearer " + version + TestTokens.Jwt(TestKeys.Key0);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address0));
    }

    [Fact]
    public async Task ATokenWithoutIssIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iss = (string?)null }), TestKeys.Address0));

    [Fact]
    public async Task AGarbagePayloadIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(RawTokens.Sign(TestKeys.Key0, "{\"garbage\":\"in\"}"), TestKeys.Address0));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public async Task APayloadThatIsNotAJsonObjectIsRejected(string payload) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(RawTokens.Sign(TestKeys.Key0, payload), TestKeys.Address0));

    [Theory]
    [InlineData("e30", "@@@")]
    [InlineData("e30", "eyJpc3MiOi*")]
    [InlineData("!!", "e30")]
    [InlineData("bm90IGpzb24", "e30")]
    public async Task SegmentsThatAreNotBase64UrlJsonAreRejected(string header, string payload) =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(RawTokens.SignSegments(TestKeys.Key0, header, payload), TestKeys.Address0));

    [Theory]
    [InlineData("bearer v1:")]
    [InlineData("bearer v1:abc")]
    [InlineData("bearer v1:a.b")]
    [InlineData("bearer v1:a.b.c.d")]
    public async Task ATokenThatIsNotThreeSegmentsIsRejected(string header) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(header, TestKeys.Address0));

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(72)]
    public async Task ASignatureThatIsNot64BytesIsRejected(int length)
    {
        var bearer = TestTokens.Bearer(TestKeys.Key0);
        var signature = RawTokens.SignatureOf(bearer);
        var resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, 64)).CopyTo(resized);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(RawTokens.WithSignature(bearer, resized), TestKeys.Address0));
    }

    [Fact]
    public async Task ASignatureThatIsNotBase64UrlIsRejected()
    {
        var bearer = TestTokens.Bearer(TestKeys.Key0);

        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(bearer[..(bearer.LastIndexOf('.') + 1)] + "*not+base64/url*", TestKeys.Address0));
    }

    [Fact]
    public async Task AnIssOfKey1SignedByKey0IsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iss = TestKeys.PublicKey1 }), TestKeys.Address1));

    [Theory]
    [InlineData("0200000000000000000000000000000000000000000000000000000000000005")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000005")]
    [InlineData("02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("not hex")]
    [InlineData("03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a")]
    public async Task AnIssThatIsNotACurvePointIsAValidationError(string iss) =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iss }), TestKeys.Address0));

    [Fact]
    public async Task ANumericIssIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { iss = 42 }), TestKeys.Address0));

    [Theory]
    [InlineData("bananas are tasty")]
    [InlineData("[\"potatos are tasty\"]")]
    [InlineData("[\"gaiahub\",\"1\",\"test-server\",\"blockstack_storage_please_sign\"]")]
    public async Task AWrongChallengeIsRejected(string gaiaChallenge) =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { gaiaChallenge }), TestKeys.Address0));

    [Fact]
    public async Task ANonNumericExpIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { exp = "soon" }), TestKeys.Address0));
}
