namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// This process's folder for uploads in progress, <c>.gaia-tmp/{id}/</c>, owned through an exclusive lock on
/// <c>.gaia-tmp/{id}.lock</c> that the kernel drops when the process ends, however it ends. At start, the folders of
/// processes that are gone (their lock can be taken) are deleted with whatever a killed process left in them; folders of
/// live processes sharing the root are left alone. Creating a folder and cleaning up happen under one more lock,
/// <c>.gaia-tmp/.cleanup.lock</c>, so a cleaner never mistakes a folder being created for a dead one.
/// </summary>
/// <remarks>.NET takes the locks with <c>flock</c> when a file is opened with <see cref="FileShare.None"/> on Unix.</remarks>
internal sealed class DiskTempFolder : IDisposable
{
    private static readonly TimeSpan LooseFileAge = TimeSpan.FromHours(1);
    private readonly FileStream ownership;

    public DiskTempFolder(string tempRoot)
    {
        Directory.CreateDirectory(tempRoot);
        using var cleanup = Lock(Path.Join(tempRoot, ".cleanup.lock"), wait: true)!;
        var id = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        ownership = Lock(Path.Join(tempRoot, id + ".lock"), wait: false)!;
        Location = Directory.CreateDirectory(Path.Join(tempRoot, id)).FullName;
        RemoveLeftovers(tempRoot, id);
    }

    /// <summary>The folder's full path.</summary>
    public string Location { get; }

    public void Dispose() => ownership.Dispose();

    private static void RemoveLeftovers(string tempRoot, string own)
    {
        foreach (var entry in new DirectoryInfo(tempRoot).EnumerateFileSystemInfos())
        {
            var name = entry.Name;
            if (name == own || name == own + ".lock" || name == ".cleanup.lock")
            {
                continue;
            }

            if (entry is DirectoryInfo folder && !File.Exists(folder.FullName + ".lock"))
            {
                DeleteQuietly(folder);
            }
            else if (name.EndsWith(".lock", StringComparison.Ordinal) && Lock(entry.FullName, wait: false) is { } orphan)
            {
                using (orphan)
                {
                    DeleteQuietly(new DirectoryInfo(entry.FullName[..^5]));
                    DiskFiles.DeleteQuietly(entry.FullName);
                }
            }
            else if (entry is FileInfo loose && !name.EndsWith(".lock", StringComparison.Ordinal) && loose.LastWriteTimeUtc < DateTime.UtcNow - LooseFileAge)
            {
                DiskFiles.DeleteQuietly(loose.FullName);
            }
        }
    }

    /// <summary>Opens and locks <paramref name="path"/>; null when another process holds it and <paramref name="wait"/> is false.</summary>
    private static FileStream? Lock(string path, bool wait)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && (!wait || attempt < 200))
            {
                if (!wait)
                {
                    return null;
                }

                Thread.Sleep(50);
            }
        }
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
