namespace Gaia.Protocol.Tests;

/// <summary>Route splitting and percent-decoding of file names (spec 1.1).</summary>
public sealed class GaiaPathTests
{
    private const string Address = "16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn";

    [Theory]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("a%2fb", "a/b")]
    [InlineData("a+b", "a+b")]
    [InlineData("a%2Bb", "a+b")]
    [InlineData("hello%20world.txt", "hello world.txt")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("%e2%82%ac", "€")]
    [InlineData("%25", "%")]
    [InlineData("%252F", "%2F")]
    [InlineData("plain/path.txt", "plain/path.txt")]
    [InlineData("%F0%9F%98%80", "😀")]
    public void PercentEscapesAreDecodedLikeDecodeUriComponent(string encoded, string expected) =>
        Assert.Equal(expected, GaiaPath.Decode(encoded));

    [Theory]
    [InlineData("%E0%A4%A")]
    [InlineData("%")]
    [InlineData("abc%")]
    [InlineData("abc%4")]
    [InlineData("%G1")]
    [InlineData("%1G")]
    public void AMalformedEscapeIsInvalidInput(string encoded) =>
        Assert.Equal(GaiaError.InvalidInputError, Assert.Throws<GaiaException>(() => GaiaPath.Decode(encoded)).Error);

    [Theory]
    [InlineData("% A")]
    [InlineData("%A ")]
    public void AnEscapeWithWhitespaceInsteadOfAHexDigitIsInvalidInput(string encoded) =>
        Assert.Equal(GaiaError.InvalidInputError, Assert.Throws<GaiaException>(() => GaiaPath.Decode(encoded)).Error);

    [Theory]
    [InlineData("%FF")]
    [InlineData("%C3")]
    [InlineData("%C3%28")]
    [InlineData("%ED%A0%80")]
    [InlineData("%E0%A4")]
    public void EscapesThatAreNotUtf8AreInvalidInput(string encoded) =>
        Assert.Equal(GaiaError.InvalidInputError, Assert.Throws<GaiaException>(() => GaiaPath.Decode(encoded)).Error);

    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("foo/", "foo")]
    [InlineData("foo//", "foo/")]
    [InlineData("/foo/bar", "/foo/bar")]
    [InlineData("//foo", "//foo")]
    [InlineData("dir/a%2Fb.txt", "dir/a/b.txt")]
    [InlineData("foo%2F", "foo")]
    [InlineData("/", "")]
    [InlineData("a+b c", "a+b c")]
    public void ParseRouteSplitsTheAddressAndDecodesThePath(string rest, string expectedPath)
    {
        var route = GaiaPath.ParseRoute(Address + "/" + rest);

        Assert.Equal((Address, expectedPath), route);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("A/")]
    [InlineData("/foo")]
    [InlineData("A-b/foo")]
    [InlineData("A_b/foo")]
    [InlineData("A.b/foo")]
    [InlineData("A%31/foo")]
    [InlineData("Ä/foo")]
    public void ParseRouteFindsNoRouteWithoutAnAlphanumericAddressAndAFileName(string? rest) =>
        Assert.Null(GaiaPath.ParseRoute(rest));

    [Theory]
    [InlineData("A-auth/authTimestamp", "A-auth")]
    [InlineData("A_b/foo", "A_b")]
    public void AuthBucketsMayContainDashesAndUnderscoresWhenAllowed(string rest, string expectedBucket) =>
        Assert.Equal(expectedBucket, GaiaPath.ParseRoute(rest, allowAuthBuckets: true)?.Address);

    [Fact]
    public void ParseRouteReportsAMalformedEscapeInThePath() =>
        Assert.Equal(GaiaError.InvalidInputError,
            Assert.Throws<GaiaException>(() => GaiaPath.ParseRoute(Address + "/%E0%A4%A")).Error);

    [Theory]
    [InlineData(Address, true)]
    [InlineData("abc123", true)]
    [InlineData("", false)]
    [InlineData("A-auth", false)]
    [InlineData("a b", false)]
    public void IsAddressAcceptsOnlyAsciiLettersAndDigits(string text, bool expected) =>
        Assert.Equal(expected, GaiaPath.IsAddress(text));
}
