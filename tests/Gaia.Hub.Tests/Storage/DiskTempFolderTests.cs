using Gaia.Hub.Storage.Disk;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// Each process writes uploads in its own locked folder under <c>.gaia-tmp</c>; at start, what dead processes left there
/// is deleted at once, and live processes' folders are kept (issue 11).
/// </summary>
public sealed class DiskTempFolderTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("gaia-tmp-tests-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void AFolderLeftByADeadProcessIsDeletedAtStartWhateverItsAge()
    {
        var dead = Path.Join(temp, "4242-dead");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Join(dead, "upload"), "half an upload");
        File.WriteAllText(dead + ".lock", "");
        var orphan = Directory.CreateDirectory(Path.Join(temp, "no-lock")).FullName;
        File.WriteAllText(Path.Join(orphan, "upload"), "x");

        using var folder = new DiskTempFolder(temp);

        Assert.False(Directory.Exists(dead));
        Assert.False(File.Exists(dead + ".lock"));
        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(folder.Location));
    }

    [Fact]
    public void TheFolderOfALiveOwnerIsKept()
    {
        using var live = new DiskTempFolder(temp);
        File.WriteAllText(Path.Join(live.Location, "upload"), "in progress");

        using var second = new DiskTempFolder(temp);

        Assert.True(File.Exists(Path.Join(live.Location, "upload")));
        Assert.NotEqual(live.Location, second.Location);
    }

    [Fact]
    public void AFolderIsDeletedOnceItsOwnerIsGone()
    {
        var first = new DiskTempFolder(temp);
        File.WriteAllText(Path.Join(first.Location, "upload"), "left behind");
        first.Dispose();

        using var next = new DiskTempFolder(temp);

        Assert.False(Directory.Exists(first.Location));
    }

    [Fact]
    public void ALooseFileOfAnOlderVersionIsDeletedOnlyWhenOld()
    {
        var old = Path.Join(temp, "0123abcd");
        var recent = Path.Join(temp, "4567efgh");
        File.WriteAllText(old, "x");
        File.WriteAllText(recent, "y");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        using var folder = new DiskTempFolder(temp);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }
}
