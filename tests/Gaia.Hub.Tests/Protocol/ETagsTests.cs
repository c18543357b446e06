using Gaia.Hub.Storage;

namespace Gaia.Hub.Tests.Protocol;

/// <summary>Tolerant ETag comparison (spec 5, [C#] note): weak prefixes and quotes are ignored on both sides.</summary>
public sealed class ETagsTests
{
    private const string Md5 = "5eb63bbbe01eeed093cb22bb8f5acdc3";

    [Theory]
    [InlineData(Md5, Md5)]
    [InlineData("\"" + Md5 + "\"", Md5)]
    [InlineData(Md5, "\"" + Md5 + "\"")]
    [InlineData("W/\"" + Md5 + "\"", Md5)]
    [InlineData("W/" + Md5, "\"" + Md5 + "\"")]
    [InlineData("W/\"" + Md5 + "\"", "W/\"" + Md5 + "\"")]
    [InlineData(" \"" + Md5 + "\" ", Md5)]
    [InlineData("0x8DB123", "\"0x8DB123\"")]
    public void TheSameTagInAnyWrappingIsTheSame(string a, string b)
    {
        Assert.True(ETags.Same(a, b));
        Assert.True(ETags.Same(b, a));
    }

    [Theory]
    [InlineData(Md5, "5eb63bbbe01eeed093cb22bb8f5acdc4")]
    [InlineData(Md5, "5EB63BBBE01EEED093CB22BB8F5ACDC3")]
    [InlineData("\"" + Md5, Md5)]
    [InlineData("w/" + Md5, Md5)]
    [InlineData("*", Md5)]
    [InlineData("", Md5)]
    public void DifferentTagsAreNotTheSame(string a, string b) => Assert.False(ETags.Same(a, b));

    [Theory]
    [InlineData(null, Md5)]
    [InlineData(Md5, null)]
    [InlineData(null, null)]
    public void AMissingTagIsNeverTheSame(string? a, string? b) => Assert.False(ETags.Same(a, b));

    [Theory]
    [InlineData(Md5, Md5)]
    [InlineData("\"abc\"", "abc")]
    [InlineData("W/\"abc\"", "abc")]
    [InlineData("W/abc", "abc")]
    [InlineData("\"abc", "\"abc")]
    [InlineData("\"\"", "")]
    [InlineData("\"", "\"")]
    public void BareStripsOneWeakPrefixAndOnePairOfQuotes(string etag, string expected) =>
        Assert.Equal(expected, ETags.Bare(etag).ToString());
}
