using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Protocol.Tests;

/// <summary>Text that is not valid Unicode anywhere in a token is the token's error, never an unhandled exception.</summary>
public sealed class TokenTextTests
{
    private static readonly IReadOnlyList<string> Challenges = ChallengeText.AcceptedFor(BadTextTokens.ServerName);

    [Theory]
    [MemberData(nameof(BadTextTokens.Names), MemberType = typeof(BadTextTokens))]
    public void TextThatIsNotUnicodeIsAValidationError(string name)
    {
        var error = Assert.Throws<GaiaException>(() => TokenParser.Verify(BadTextTokens.Cases[name], Challenges));

        Assert.Equal(GaiaError.ValidationError, error.Error);
    }

    [Theory]
    [InlineData("\"salt\":\"\\u00e9\\ud83c\\udf1e\"")]
    [InlineData("\"salt\":\"é🌞\"")]
    [InlineData("\"x\":{\"y\":[1,{\"z\":\"\\u0041\"}]}")]
    [InlineData("\"scopes\":[{\"scope\":\"putFile\",\"domain\":\"\\u00e9.txt\"}]")]
    [InlineData("\"\\u0068ubUrl\":\"https://hub.test\"")]
    public void TheSameShapesWithValidTextVerify(string members)
    {
        var token = "v1:" + TokenSigner.SignJwt(BucketKey.Parse(TestKeys.Key0), [.. BadTextTokens.Payload(members), (byte)'}']);

        var verified = TokenParser.Verify(token, Challenges);

        Assert.Equal(TestKeys.Address0, verified.IssuerAddress);
        Assert.Equal(Challenges[0], verified.Challenge);
    }

    [Fact]
    public void AnEscapedClaimNameIsTheClaim()
    {
        var token = "v1:" + TokenSigner.SignJwt(BucketKey.Parse(TestKeys.Key0),
            [.. BadTextTokens.Payload("\"\\u0068ubUrl\":\"https://hub.test\",\"scopes\":[{\"sc\\u006fpe\":\"putFile\",\"domain\":\"a\"}]"), (byte)'}']);

        var verified = TokenParser.Verify(token, Challenges);

        Assert.Equal("https://hub.test", verified.HubUrl);
        Assert.Equal([new AuthScope("putFile", "a")], verified.Scopes.Scopes);
    }

    [Theory]
    [InlineData("{\"iss\":1}")]
    [InlineData("[]")]
    [InlineData("{\"exp\":{},\"iss\":\"03\"}")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1")]
    [InlineData("")]
    public void MalformedPayloadsAreValidationErrors(string payload)
    {
        var token = "v1:" + TokenSigner.SignJwt(BucketKey.Parse(TestKeys.Key0), Encoding.UTF8.GetBytes(payload));

        Assert.Equal(GaiaError.ValidationError, Assert.Throws<GaiaException>(() => TokenParser.Verify(token, Challenges)).Error);
    }
}
