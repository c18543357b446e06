using System.Diagnostics;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// A small tmpfs mounted for one test, to run the disk driver out of space or inodes for real. Mounting needs root (the
/// test command runs as root on the CI machine); without it the test fails, saying so.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(string size, int inodes)
    {
        var path = Directory.CreateTempSubdirectory("gaia-small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={size},nr_inodes={inodes}", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Creates empty files under <paramref name="folder"/> until no inode is left, then frees <paramref name="free"/> of them.</summary>
    public static void UseUpInodes(string folder, int free)
    {
        Directory.CreateDirectory(folder);
        var made = new List<string>();
        try
        {
            while (true)
            {
                var file = System.IO.Path.Join(folder, $"inode-{made.Count}");
                File.WriteAllBytes(file, []);
                made.Add(file);
            }
        }
        catch (IOException)
        {
        }

        foreach (var file in made.TakeLast(free))
        {
            File.Delete(file);
        }
    }

    /// <summary>Fills the remaining space with one file, then frees <paramref name="freeBytes"/> of it.</summary>
    public static void UseUpSpace(string folder, long freeBytes)
    {
        Directory.CreateDirectory(folder);
        var filler = System.IO.Path.Join(folder, "space");
        using (var stream = new FileStream(filler, FileMode.Create))
        {
            var block = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    stream.Write(block);
                    stream.Flush();
                }
            }
            catch (IOException)
            {
            }
        }

        var length = new FileInfo(filler).Length;
        using var shrink = new FileStream(filler, FileMode.Open);
        shrink.SetLength(Math.Max(0, length - freeBytes));
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"{command} {string.Join(' ', arguments)} failed ({error.Trim()}); the disk-full tests mount a tmpfs and need root");
    }
}
