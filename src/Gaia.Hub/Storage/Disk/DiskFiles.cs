using System.Security.Cryptography;
using System.Text.Json;

namespace Gaia.Hub.Storage.Disk;

/// <summary>Small file-system helpers of the disk driver.</summary>
internal static class DiskFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    public static DiskMetadata? ReadMetadata(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), DiskJson.Default.DiskMetadata);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the record to a temporary file and renames it into place, so readers never see half of it.</summary>
    public static void WriteMetadata(string path, DiskMetadata metadata, string tempDirectory)
    {
        var temp = Path.Join(tempDirectory, Guid.NewGuid().ToString("N"));
        var moved = false;
        try
        {
            using (var stream = CreateNew(temp))
            {
                JsonSerializer.Serialize(stream, metadata, DiskJson.Default.DiskMetadata);
            }

            Move(temp, path);
            moved = true;
        }
        finally
        {
            if (!moved)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Renames <paramref name="source"/> over <paramref name="target"/>, creating the target's folders only when the
    /// rename finds them missing (so a store does not pay a mkdir, and its wait for the folder's lock, every time).
    /// </summary>
    public static void Move(string source, string target)
    {
        try
        {
            File.Move(source, target, overwrite: true);
        }
        catch (DirectoryNotFoundException)
        {
            EnsureParent(target);
            File.Move(source, target, overwrite: true);
        }
    }

    public static string Md5Hex(Stream stream)
    {
        stream.Position = 0;
        var hash = Convert.ToHexStringLower(MD5.HashData(stream));
        stream.Position = 0;
        return hash;
    }

    /// <summary>
    /// Keeps the file at <paramref name="path"/>, if any, open until disposed, and a little longer (Linux). A rename that replaces the file
    /// then does not free its blocks itself: the kernel frees them in the final close, after the rename has let go of
    /// the file system's rename lock and both folders' locks. Freeing blocks is slow where the disk is mounted with
    /// <c>discard</c> (each freed block is a device command the caller waits for), and inside the rename it would
    /// stall every other rename and every file creation in those folders meanwhile.
    /// </summary>
    public static HeldFile Hold(string path) => new(OperatingSystem.IsLinux() ? DiskNative.Open(path, DiskNative.OpenReadOnly) : -1);

    public static void EnsureParent(string path) => Directory.CreateDirectory(Path.GetDirectoryName(path)!);

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A file descriptor from <see cref="DiskFiles.Hold"/>. Disposing it closes the file later on a
/// <see cref="DiskThreads.Release"/> thread, so that freeing the blocks of a file replaced or deleted meanwhile does not
/// delay the caller. The default value holds nothing.
/// </summary>
internal readonly struct HeldFile : IDisposable
{
    private readonly int descriptorPlusOne;

    public HeldFile(int descriptor) => descriptorPlusOne = descriptor + 1;

    public void Dispose()
    {
        if (descriptorPlusOne > 0)
        {
            DiskThreads.Release.Post(Close);
        }
    }

    private void Close() => _ = DiskNative.Close(descriptorPlusOne - 1);
}
