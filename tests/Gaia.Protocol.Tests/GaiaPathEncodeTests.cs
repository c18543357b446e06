namespace Gaia.Protocol.Tests;

public sealed class GaiaPathEncodeTests
{
    [Theory]
    [InlineData("photos/été 🌞.bin", "photos/%C3%A9t%C3%A9%20%F0%9F%8C%9E.bin")]
    [InlineData("100%25 sure/%41.txt", "100%2525%20sure/%2541.txt")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("/lead//double", "/lead//double")]
    public void EncodeEscapesEachSegmentAndKeepsTheSlashes(string path, string expected) =>
        Assert.Equal(expected, GaiaPath.Encode(path));

    [Theory]
    [InlineData("photos/été 🌞.bin")]
    [InlineData("100%25 sure/%41%zz.txt")]
    [InlineData("a+b?c#d&e")]
    [InlineData("/foo/bar")]
    public void DecodeOfEncodeGivesTheNameBack(string path) =>
        Assert.Equal(path, GaiaPath.Decode(GaiaPath.Encode(path)));
}
