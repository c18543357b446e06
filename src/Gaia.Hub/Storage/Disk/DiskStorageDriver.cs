using System.Buffers;
using System.Security.Cryptography;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Files on a local disk. A write streams into a temporary file, gives it its record (see <see cref="DiskRecords"/>),
/// fsyncs it when durable and renames it over the old version, so a crash, an abort or an oversize upload never
/// leaves a partial file. Preconditions and archival copies are checked and made under a per-path lock right before
/// that rename (<see cref="DiskVersions"/>). Every call that waits on the device (create, fsync, rename, unlink) runs
/// on <see cref="DiskThreads"/>, never on the thread pool; reads (open, fstat, one extended attribute) stay on the pool.
/// </summary>
public sealed class DiskStorageDriver : IStorageDriver, IDisposable
{
    /// <summary>The copy buffer; a body that fits in it is written whole on a disk thread.</summary>
    private const int CopyBufferBytes = 64 * 1024;

    private readonly DiskLayout layout;
    private readonly DiskLister lister = new();
    private readonly DiskRecords records;
    private readonly DiskVersions versions;

    public DiskStorageDriver(IOptions<DiskStorageOptions> options)
    {
        layout = new DiskLayout(options.Value);
        records = new DiskRecords(layout, options.Value.Metadata);
        versions = new DiskVersions(layout, records, options.Value.Durable);
    }

    public string RootDirectory => layout.Root;

    /// <summary>True when records go to extended attributes rather than sidecar files.</summary>
    public bool RecordsInAttributes => records.InAttributes;

    public async Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(request.Bucket, request.Path);
        var archive = request.ArchivePath is null ? default : layout.Resolve(request.Bucket, request.ArchivePath);
        var paths = new DiskPaths(data, metadata, archive.Data, archive.Metadata);
        if (!request.Condition.IsNone)
        {
            request.Condition.EnsureSatisfiedBy(versions.Stat(request.Path, data, metadata));
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

                    return versions.Publish(request, file, record, temp, paths);
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

            return await DiskThreads.Device.RunAsync(() => versions.Publish(request, stream, streamed, temp, paths));
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

    public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        return Task.FromResult(versions.Open(path, data, metadata));
    }

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(StatOf(bucket, path));

    public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        return DiskThreads.Device.RunAsync(() =>
        {
            lock (versions.StripeOf(data))
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

    /// <summary>
    /// Moves a file and its record. A sidecar is copied to the target's name before the data moves, so whichever name
    /// a crash leaves the data under, its record is there.
    /// </summary>
    public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default)
    {
        var (data, metadata) = layout.Resolve(bucket, path);
        var (target, targetMetadata) = layout.Resolve(bucket, newPath);
        return DiskThreads.Device.RunAsync(() =>
        {
            lock (versions.StripeOf(data))
            {
                if (!File.Exists(data))
                {
                    return false;
                }

                if (DiskFiles.ReadMetadata(metadata) is { } sidecar)
                {
                    DiskFiles.WriteMetadata(targetMetadata, sidecar, layout.TempRoot);
                }
                else
                {
                    DiskFiles.DeleteQuietly(targetMetadata);
                }

                using (DiskFiles.Hold(target))
                {
                    DiskVersions.MoveIntoPlace(data, target);
                }

                DiskFiles.DeleteQuietly(metadata);
                return true;
            }
        });
    }

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default)
    {
        var after = request.PageToken is { Length: > 0 } token ? token : null; // the last name of the page before (HubService seals it)
        var names = lister.Walk(layout.BucketDirectory(request.Bucket), "", after, request.Prefix)
            .Take(request.PageSize + 1)
            .ToList();
        var more = names.Count > request.PageSize;
        var page = names.Take(request.PageSize)
            .Select(name => new ListEntry(name, request.IncludeStat ? StatOf(request.Bucket, name) : null))
            .Where(entry => !request.IncludeStat || entry.Stat is not null)
            .ToList();
        var next = more ? names[request.PageSize - 1] : null;
        return Task.FromResult(new ListPage(page, next));
    }

    public void Dispose() => layout.Dispose();

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
        return versions.Stat(path, data, metadata);
    }
}
