namespace Gaia.Protocol.Tests;

/// <summary>Which decoded file names may be stored (spec 1.1, 9.2) and how history names are formed (spec 3.9).</summary>
public sealed class GaiaPathValidityTests
{
    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../foo.js")]
    [InlineData("a..b")]
    [InlineData("a..b.txt")]
    [InlineData("a/../b")]
    [InlineData("a/..")]
    [InlineData("foo/")]
    [InlineData("/")]
    [InlineData("a\0b")]
    [InlineData("a\\b")]
    [InlineData(".")]
    [InlineData("./foo")]
    [InlineData("a/./b")]
    [InlineData("a/.")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("del\u007f")]
    [InlineData("x\uffff")]
    public void UnsafeNamesAreBadPaths(string path) =>
        Assert.Equal(GaiaError.BadPathError, Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(path)).Error);

    [Theory]
    [InlineData("foo.txt")]
    [InlineData("/foo/bar")]
    [InlineData("a/b/c.d.e")]
    [InlineData(".hidden")]
    [InlineData("a.b/.c")]
    [InlineData("a/.b./c.")]
    [InlineData("a b+c%")]
    public void OrdinaryNamesAreValid(string path) => GaiaPath.EnsureValid(path);

    [Fact]
    public void AHundredSegmentsAreAllowed() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat("a", 100)));

    [Fact]
    public void MoreThanAHundredSegmentsAreABadPath() =>
        Assert.Equal(GaiaError.BadPathError,
            Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat("a", 101)))).Error);

    [Theory]
    [InlineData(255, 1)]
    [InlineData(85, 3)]
    public void ASegmentOf255BytesOfUtf8IsAllowed(int count, int bytesEach) =>
        GaiaPath.EnsureValid("dir/" + new string(bytesEach == 1 ? 'x' : 'あ', count) + "/file");

    [Theory]
    [InlineData(256, 'x')]
    [InlineData(86, 'あ')]
    public void ASegmentLongerThan255BytesOfUtf8IsABadPath(int count, char character) =>
        Assert.Equal(GaiaError.BadPathError,
            Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid("dir/" + new string(character, count))).Error);

    [Fact]
    public void A900ByteNameIsAllowed() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat(new string('x', 99), 9)) + "x");

    [Fact]
    public void ANameLongerThan900BytesIsABadPath() =>
        Assert.Equal(GaiaError.BadPathError,
            Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat(new string('x', 99), 9)) + "xx")).Error);

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(300, false)]
    public void ABucketNameHasAtMost64Characters(int length, bool valid) => Assert.Equal(valid, GaiaPath.IsAddress(new string('a', length)));

    [Theory]
    [InlineData("photos/cat.jpg", "photos/.history.1700000000123.aZ3k9QpL0x.cat.jpg")]
    [InlineData("/foo/bar", "/foo/.history.1700000000123.aZ3k9QpL0x.bar")]
    [InlineData("foo.txt", ".history.1700000000123.aZ3k9QpL0x.foo.txt")]
    public void HistoryNamesReplaceTheLastSegment(string path, string expected) =>
        Assert.Equal(expected, GaiaPath.HistoryNameOf(path, 1_700_000_000_123, "aZ3k9QpL0x"));

    [Theory]
    [InlineData("photos/.history.1700000000123.aZ3k9QpL0x.cat.jpg", true)]
    [InlineData(".history.1.x.foo", true)]
    [InlineData("/foo/.history.", true)]
    [InlineData("photos/cat.jpg", false)]
    [InlineData(".history/cat.jpg", false)]
    [InlineData("photos/x.history.1.cat.jpg", false)]
    [InlineData("photos/.historyx", false)]
    public void AFileIsHistoricalWhenItsLastSegmentStartsWithTheMarker(string path, bool expected) =>
        Assert.Equal(expected, GaiaPath.IsHistorical(path));
}
