using Gaia.Hub.Http;

namespace Gaia.Hub.Tests.Protocol;

/// <summary>Single <c>bytes=</c> ranges on reads: satisfiable ranges are clamped, the rest is ignored or unsatisfiable.</summary>
public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=100-", 100, 900)]
    [InlineData("bytes=999-", 999, 1)]
    [InlineData("bytes=500-999", 500, 500)]
    [InlineData("bytes=500-5000", 500, 500)]
    [InlineData("bytes=-100", 900, 100)]
    [InlineData("bytes=-1000", 0, 1000)]
    [InlineData("bytes=-2000", 0, 1000)]
    [InlineData("BYTES=0-1", 0, 2)]
    [InlineData("bytes= 10-19 ", 10, 10)]
    public void ASatisfiableRangeIsClampedToTheFile(string header, long start, long length) =>
        Assert.Equal(new ByteRange(start, length), ByteRange.Parse(header, 1000));

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=1000-1001")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public void ARangeOutsideTheFileIsUnsatisfiable(string header) =>
        Assert.Equal(new ByteRange(0, 0), ByteRange.Parse(header, 1000));

    [Theory]
    [InlineData("bytes=0-")]
    [InlineData("bytes=-5")]
    public void NoRangeOfAnEmptyFileIsSatisfiable(string header) =>
        Assert.Equal(0, ByteRange.Parse(header, 0)!.Value.Length);

    [Theory]
    [InlineData("")]
    [InlineData("items=0-1")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-4")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=0-1-2")]
    [InlineData("bytes=1-x")]
    public void AnUnusableHeaderMeansTheWholeFile(string header) => Assert.Null(ByteRange.Parse(header, 1000));

    [Theory]
    [InlineData("bytes=x-5")]
    [InlineData("bytes=abc-100")]
    [InlineData("bytes=+1-2")]
    public void AGarbageFirstPositionIsNotASuffixRange(string header) => Assert.Null(ByteRange.Parse(header, 1000));
}
