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
    public void UnsafeNamesAreBadPaths(string path) =>
        Assert.Equal(GaiaError.BadPathError, Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(path)).Error);

    [Theory]
    [InlineData("foo.txt")]
    [InlineData("/foo/bar")]
    [InlineData("a/b/c.d.e")]
    [InlineData(".hidden")]
    [InlineData("./foo")]
    [InlineData("a.b/.c")]
    [InlineData("a b+c%")]
    public void OrdinaryNamesAreValid(string path) => GaiaPath.EnsureValid(path);

    [Fact]
    public void AHundredSegmentsAreAllowed() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat("a", 100)));

    [Fact]
    public void MoreThanAHundredSegmentsAreABadPath() =>
        Assert.Equal(GaiaError.BadPathError,
            Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(string.Join('/', Enumerable.Repeat("a", 101)))).Error);

    [Fact]
    public void A4096CharacterNameIsAllowed() => GaiaPath.EnsureValid(new string('x', 4096));

    [Fact]
    public void ANameLongerThan4096CharactersIsABadPath() =>
        Assert.Equal(GaiaError.BadPathError, Assert.Throws<GaiaException>(() => GaiaPath.EnsureValid(new string('x', 4097))).Error);

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
