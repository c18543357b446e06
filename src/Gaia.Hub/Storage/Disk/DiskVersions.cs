using Gaia.Hub.Errors;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The versions of the disk driver's files: publishing a written temporary file over the current version (condition,
/// archive copy, record, rename, under the path's lock), and the stat of an open version, whose missing or stale
/// record is rebuilt from its bytes.
/// </summary>
internal sealed class DiskVersions(DiskLayout layout, DiskRecords records, bool durable)
{
    private const int ReadAttempts = 3;
    private readonly Lock[] stripes = [.. Enumerable.Range(0, 256).Select(_ => new Lock())];

    public Lock StripeOf(string path) => stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % stripes.Length)];

    /// <summary>
    /// On a disk thread: gives the temporary file its record, fsyncs it when durable, then, under the path's lock,
    /// checks the condition, archives the current version if asked, writes the sidecar when there is no attribute, and
    /// renames the new version into place. Returns the ETag.
    /// </summary>
    public string Publish(WriteRequest request, FileStream file, DiskMetadata record, string temp, DiskPaths paths)
    {
        bool attached;
        using (file)
        {
            attached = records.Attach(file.SafeFileHandle, record);
            if (durable)
            {
                file.Flush(flushToDisk: true);
            }
        }

        lock (StripeOf(paths.Data))
        {
            var current = attached && request.Condition.IsNone && paths.ArchiveData is null ? null : Stat(request.Path, paths.Data, paths.Metadata);
            if (!request.Condition.IsNone)
            {
                request.Condition.EnsureSatisfiedBy(current);
            }

            if (paths.ArchiveData is not null && current is not null)
            {
                CopyVersion(paths.Data, paths.Metadata, paths.ArchiveData, paths.ArchiveMetadata!);
            }

            if (!attached)
            {
                record = records.WriteSidecar(paths.Metadata, temp, record, current is null ? null : RecordOf(current));
            }

            using (DiskFiles.Hold(paths.Data))
            {
                MoveIntoPlace(temp, paths.Data);
            }

            if (attached)
            {
                DiskFiles.DeleteQuietly(paths.Metadata);
            }
        }

        return record.ETag!;
    }

    /// <summary>The stat of the file at <paramref name="data"/>, or null when there is none.</summary>
    public FileStat? Stat(string name, string data, string metadata)
    {
        var file = Open(name, data, metadata);
        file?.Content.Dispose();
        return file?.Stat;
    }

    /// <summary>
    /// Opens the file at <paramref name="data"/> with the stat of the version opened; null when there is none. When
    /// its record does not describe it because the path was replaced meanwhile, the new version is opened instead.
    /// </summary>
    public StoredFile? Open(string name, string data, string metadata)
    {
        for (var attempt = 1; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = DiskFiles.OpenRead(data);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                return null;
            }

            if (StatOfOpenFile(name, stream, data, metadata, mayRetry: attempt < ReadAttempts) is { } stat)
            {
                return new StoredFile(stat, stream);
            }

            stream.Dispose();
        }
    }

    /// <summary>Throws 409 when the rename finds a folder where the file goes, or a file where a folder must be.</summary>
    public static void MoveIntoPlace(string source, string target)
    {
        try
        {
            if (Directory.Exists(target))
            {
                throw new IOException("target is a directory");
            }

            DiskFiles.Move(source, target);
        }
        catch (IOException e) when (e is not FileNotFoundException and not PathTooLongException && !IoErrors.IsStorageFull(e) && !IoErrors.IsOutOfHandles(e))
        {
            throw GaiaException.Conflict("The path conflicts with an existing file or folder: a name cannot be both.");
        }
    }

    /// <summary>The stat of the open version; null when its record does not describe it and the path names another file now.</summary>
    private FileStat? StatOfOpenFile(string name, FileStream stream, string data, string metadata, bool mayRetry)
    {
        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        var length = stream.Length;
        var stored = DiskRecords.Read(stream.SafeFileHandle, metadata);
        var record = stored?.For(length, modified);
        if (record is null)
        {
            if (mayRetry && !StillNames(data, length, modified))
            {
                return null;
            }

            record = Heal(stream, data, metadata, stored, length, modified);
        }

        return new FileStat(name, length, record.ContentType ?? "application/octet-stream", record.ETag!, modified);
    }

    /// <summary>
    /// A record for the open version whose record is missing or stale (written by the reference hub, or the file was
    /// changed or touched in place): the ETag is the MD5 of the bytes, and the content type only from a record of
    /// these same bytes. Saved on the open file's attribute, or else in the sidecar, under the path's lock and only while
    /// the path still names this version; a failure to save (a full disk) still serves the record.
    /// </summary>
    private DiskMetadata Heal(FileStream stream, string data, string metadata, DiskMetadata? stale, long length, DateTimeOffset modified)
    {
        var md5 = DiskFiles.Md5Hex(stream);
        var record = new DiskMetadata(stale?.ContentTypeFor(md5), md5, length, modified.UtcTicks);
        if (records.Attach(stream.SafeFileHandle, record))
        {
            return record;
        }

        lock (StripeOf(data))
        {
            if (!StillNames(data, length, modified))
            {
                return record;
            }

            if (DiskFiles.ReadMetadata(metadata)?.For(length, modified) is { } fresh)
            {
                return fresh;
            }

            try
            {
                DiskFiles.WriteMetadata(metadata, record, layout.TempRoot);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            return record;
        }
    }

    /// <summary>Copies the current version, record included, to the archive path (historical files).</summary>
    private void CopyVersion(string data, string metadata, string targetData, string targetMetadata)
    {
        var temp = layout.NewTempFile();
        try
        {
            DiskMetadata record;
            bool attached;
            using (var source = DiskFiles.OpenRead(data))
            using (var copy = DiskFiles.CreateNew(temp))
            {
                var stat = StatOfOpenFile(data, source, data, metadata, mayRetry: false)!;
                source.CopyTo(copy);
                File.SetLastWriteTimeUtc(copy.SafeFileHandle, stat.LastModified.UtcDateTime);
                record = RecordOf(stat);
                attached = records.Attach(copy.SafeFileHandle, record);
                if (durable)
                {
                    copy.Flush(flushToDisk: true);
                }
            }

            if (!attached)
            {
                records.WriteSidecar(targetMetadata, temp, record, previous: null);
            }

            MoveIntoPlace(temp, targetData);
        }
        catch
        {
            DiskFiles.DeleteQuietly(temp);
            throw;
        }
    }

    private static DiskMetadata RecordOf(FileStat stat) => new(stat.ContentType, stat.ETag, stat.ContentLength, stat.LastModified.UtcTicks);

    private static bool StillNames(string data, long length, DateTimeOffset modified)
    {
        var current = new FileInfo(data);
        return current.Exists && current.Length == length && current.LastWriteTimeUtc.Ticks == modified.UtcTicks;
    }
}

/// <summary>The resolved paths of one write: the file, its sidecar, and where its current version is archived, if anywhere.</summary>
internal readonly record struct DiskPaths(string Data, string Metadata, string? ArchiveData = null, string? ArchiveMetadata = null);
