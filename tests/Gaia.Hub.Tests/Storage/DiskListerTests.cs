using Gaia.Hub.Storage.Disk;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// The disk lister's cache of settled directories: a listing never misses a change made on disk, whether the
/// directory was read just before or long after its last change. No timing: directories are settled by setting
/// their modification time into the past.
/// </summary>
public sealed class DiskListerTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("gaia-lister-").FullName;
    private readonly DiskLister lister = new();

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void AFileAddedToASettledDirectoryIsListedAtOnce()
    {
        Create("a.txt", "b.txt");
        Settle(root);
        Assert.Equal(["a.txt", "b.txt"], List());

        Create("ab.txt");

        Assert.Equal(["a.txt", "ab.txt", "b.txt"], List());
    }

    [Fact]
    public void AFileRemovedFromASettledDirectoryIsGoneAtOnce()
    {
        Create("a.txt", "b.txt");
        Settle(root);
        Assert.Equal(["a.txt", "b.txt"], List());

        File.Delete(Path.Join(root, "a.txt"));

        Assert.Equal(["b.txt"], List());
    }

    [Fact]
    public void AChangeInsideASettledSubdirectoryIsListedAtOnce()
    {
        Create("photos/1.jpg", "z.txt");
        Settle(Path.Join(root, "photos"));
        Settle(root);
        Assert.Equal(["photos/1.jpg", "z.txt"], List());

        Create("photos/2.jpg");

        Assert.Equal(["photos/1.jpg", "photos/2.jpg", "z.txt"], List());
    }

    [Fact]
    public void SymbolicLinksAreLeftOutAndDotFilesAreListed()
    {
        Create(".hidden", "dir/inner.txt", "file.txt");
        File.CreateSymbolicLink(Path.Join(root, "link.txt"), Path.Join(root, "file.txt"));
        Directory.CreateSymbolicLink(Path.Join(root, "linkdir"), Path.Join(root, "dir"));
        File.CreateSymbolicLink(Path.Join(root, "broken"), Path.Join(root, "missing"));
        Settle(root);

        Assert.Equal([".hidden", "dir/inner.txt", "file.txt"], List());
        Assert.Equal([".hidden", "dir/inner.txt", "file.txt"], List());
    }

    [Fact]
    public void AMissingDirectoryListsNothing() =>
        Assert.Empty(lister.Walk(Path.Join(root, "missing"), "", null, null));

    private string[] List() => [.. lister.Walk(root, "", null, null)];

    private void Create(params string[] names)
    {
        foreach (var name in names)
        {
            var path = Path.Join(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, name);
        }
    }

    private static void Settle(string directory) =>
        Directory.SetLastWriteTimeUtc(directory, DateTime.UtcNow - DiskLister.SettledAfter - TimeSpan.FromHours(1));
}
