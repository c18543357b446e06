using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Files on a local disk. A write streams into a temporary file, gives it its record (see <see cref="DiskRecords"/>),
/// fsyncs it when durable and renames it over the old version, so a crash, an abort or an oversize upload never
/// leaves a partial file. Preconditions and archival copies are checked and made under a per-path lock right before
/// that rename. Every call that waits on the device (create, fsync, rename, unlink) runs on <see cref="DiskThreads"/>,
/// never on the thread pool; reads (open, fstat, one extended attribute) stay on the pool.
/// </summary>
public sealed class DiskStorageDriver : IStorageDriver
{
    /// <summary>The copy buffer; a body that fits in it is written whole on a disk thread.</summary>
    private const int CopyBufferBytes = 64 * 1024;

    private readonly DiskLayout layout;
    private readonly bool durable;
    private readonly Lock[] stripes = [.. Enumerable.Range(0, 256).Select(_ => new Lock())];
    private readonly DiskLister lister = new();
    private readonly DiskRecords records;

    public DiskStorageDriver(IOptions<DiskStorageOptions> options)
    {
        layout = new DiskLayout(options.Value);
        durable = options.Value.Durable;
        records = new DiskRecords(layout, options.Value.Metadata);
        foreach (var stale in Directory.EnumerateFiles(layout.TempRoot).Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddHours(-1)))
        {
            DiskFiles.DeleteQuietly(stale);
        }
    }

    public string RootDirectory => layout.Root;

    /// <summary>True when records go to extended attributes rather than sidecar files.</summary>
    public bool RecordsInAttributes => records.InAttributes;

    public async Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(request.Bucket, request.Path);
        var archive = request.ArchivePath is null ? default : layout.Resolve(request.Bucket, request.ArchivePath);
        if (!request.Condition.IsNone)
        {
            request.Condition.EnsureSatisfiedBy(Stat(request.Path, data, metadata));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        var temp = layout.NewTempFile();
        try
        {
            var filled = await FillAsync(request.Content, buffer, cancellationToken);
            if (filled < buffer.Length)
            {
                // The whole body is here: the file is made, written and published in one go on a disk thread.
                var etag = Convert.ToHexStringLower(MD5.HashData(buffer.AsSpan(0, filled)));
                return await DiskThreads.Device.RunAsync(() =>
                {
                    var file = DiskFiles.CreateNew(temp);
                    DiskMetadata record;
                    try
                    {
                        file.Write(buffer, 0, filled);
                        record = new DiskMetadata(request.ContentType, etag, filled, File.GetLastWriteTimeUtc(file.SafeFileHandle).Ticks);
                    }
                    catch
                    {
                        file.Dispose();
                        throw;
                    }

                    return Publish(request, file, record, temp, data, metadata, archive);
                });
            }

            var stream = await DiskThreads.Device.RunAsync(() => DiskFiles.CreateNew(temp));
            DiskMetadata streamed;
            try
            {
                streamed = await CopyAsync(buffer, request.Content, request.ContentType, stream, cancellationToken);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }

            return await DiskThreads.Device.RunAsync(() => Publish(request, stream, streamed, temp, data, metadata, archive));
        }
        catch
        {
            DiskFiles.DeleteQuietly(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// On a disk thread: gives the temporary file its record, fsyncs it when durable, then, under the path's lock,
    /// checks the condition, archives the current version if asked, and renames the new one into place. Returns the
    /// ETag.
    /// </summary>
    private string Publish(WriteRequest request, FileStream file, DiskMetadata record, string temp, string data, string metadata, (string Data, string Metadata) archive)
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

        lock (StripeOf(data))
        {
            if (!request.Condition.IsNone)
            {
                request.Condition.EnsureSatisfiedBy(Stat(request.Path, data, metadata));
            }

            if (archive.Data is not null && File.Exists(data))
            {
                CopyVersion(data, metadata, archive.Data, archive.Metadata);
            }

            using (DiskFiles.Hold(data))
            {
                MoveIntoPlace(temp, data);
            }

            records.Commit(metadata, record, attached);
        }

        return record.ETag!;
    }

    public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        FileStream stream;
        try
        {
            stream = DiskFiles.OpenRead(data);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Task.FromResult<StoredFile?>(null);
        }

        var stat = StatOfOpenFile(path, stream, data, metadata);
        return Task.FromResult<StoredFile?>(new StoredFile(stat, stream));
    }

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(StatOf(bucket, path));

    public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        return DiskThreads.Device.RunAsync(() =>
        {
            lock (StripeOf(data))
            {
                if (!File.Exists(data))
                {
                    return false;
                }

                using (DiskFiles.Hold(data))
                {
                    File.Delete(data);
                }

                DiskFiles.DeleteQuietly(metadata);
                return true;
            }
        });
    }

    public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        var (target, targetMetadata) = layout.Resolve(bucket, newPath);
        return DiskThreads.Device.RunAsync(() =>
        {
            lock (StripeOf(data))
            {
                if (!File.Exists(data))
                {
                    return false;
                }

                using (DiskFiles.Hold(target))
                {
                    MoveIntoPlace(data, target);
                }

                if (File.Exists(metadata))
                {
                    DiskFiles.EnsureParent(targetMetadata);
                    File.Move(metadata, targetMetadata, overwrite: true);
                }
                else
                {
                    DiskFiles.DeleteQuietly(targetMetadata);
                }

                return true;
            }
        });
    }

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default)
    {
        var after = request.PageToken is { Length: > 0 } token ? DecodePageToken(token) : null;
        var names = lister.Walk(layout.BucketDirectory(request.Bucket), "", after, request.Prefix)
            .Take(request.PageSize + 1)
            .ToList();
        var more = names.Count > request.PageSize;
        var page = names.Take(request.PageSize)
            .Select(name => new ListEntry(name, request.IncludeStat ? StatOf(request.Bucket, name) : null))
            .Where(entry => !request.IncludeStat || entry.Stat is not null)
            .ToList();
        var next = more ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(names[request.PageSize - 1])) : null;
        return Task.FromResult(new ListPage(page, next));
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the body ends; the number of bytes read.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>
    /// Writes the full <paramref name="buffer"/>, then streams the rest of the body through it into the temporary
    /// file, hashing it all on the way; the record of the bytes written.
    /// </summary>
    private static async Task<DiskMetadata> CopyAsync(byte[] buffer, Stream content, string contentType, FileStream file, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var read = buffer.Length;
        do
        {
            md5.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0);

        return new DiskMetadata(contentType, Convert.ToHexStringLower(md5.GetHashAndReset()), file.Length,
            File.GetLastWriteTimeUtc(file.SafeFileHandle).Ticks);
    }

    private FileStat? StatOf(string bucket, string path)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        return Stat(path, data, metadata);
    }

    private FileStat? Stat(string name, string data, string metadata)
    {
        try
        {
            using var stream = DiskFiles.OpenRead(data);
            return StatOfOpenFile(name, stream, data, metadata);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The stat of the version held open; a stale or missing record is rebuilt from the bytes.</summary>
    private FileStat StatOfOpenFile(string name, FileStream stream, string data, string metadata)
    {
        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        var length = stream.Length;
        var record = DiskRecords.Read(stream.SafeFileHandle, metadata);
        if (record is null || !record.Describes(length, modified))
        {
            record = Heal(stream, data, metadata, record, length, modified);
        }

        return new FileStat(name, length, record.ContentType ?? "application/octet-stream", record.ETag!, modified);
    }

    /// <summary>
    /// A record for the open version whose record is missing or stale (written by the reference hub, cut short by a
    /// crash, or the file was changed in place): the ETag is recomputed from the bytes. It is saved on the open file's
    /// attribute, or else in the sidecar, under the path's lock and only while the path still names this version.
    /// </summary>
    private DiskMetadata Heal(FileStream stream, string data, string metadata, DiskMetadata? stale, long length, DateTimeOffset modified)
    {
        var record = new DiskMetadata(stale?.ContentType, DiskFiles.Md5Hex(stream), length, modified.UtcTicks);
        if (records.Attach(stream.SafeFileHandle, record))
        {
            return record;
        }

        lock (StripeOf(data))
        {
            var current = new FileInfo(data);
            if (!current.Exists || current.Length != length || current.LastWriteTimeUtc.Ticks != modified.UtcTicks)
            {
                return record;
            }

            var fresh = DiskFiles.ReadMetadata(metadata);
            if (fresh is not null && fresh.Describes(length, modified))
            {
                return fresh;
            }

            DiskFiles.WriteMetadata(metadata, record, layout.TempRoot);
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
                var stat = StatOfOpenFile(data, source, data, metadata);
                source.CopyTo(copy);
                File.SetLastWriteTimeUtc(copy.SafeFileHandle, stat.LastModified.UtcDateTime);
                record = new DiskMetadata(stat.ContentType, stat.ETag, stat.ContentLength, stat.LastModified.UtcTicks);
                attached = records.Attach(copy.SafeFileHandle, record);
                if (durable)
                {
                    copy.Flush(flushToDisk: true);
                }
            }

            MoveIntoPlace(temp, targetData);
            records.Commit(targetMetadata, record, attached);
        }
        catch
        {
            DiskFiles.DeleteQuietly(temp);
            throw;
        }
    }

    private static void MoveIntoPlace(string source, string target)
    {
        try
        {
            if (Directory.Exists(target))
            {
                throw new IOException("target is a directory");
            }

            DiskFiles.Move(source, target);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw GaiaException.Conflict($"The path conflicts with an existing file or directory ({e.Message}).");
        }
    }

    private static string DecodePageToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw GaiaException.InvalidInput("Invalid page token.");
        }
    }

    private Lock StripeOf(string path) => stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % stripes.Length)];
}
