namespace Gaia.Hub.Storage;

/// <summary>
/// Where bucket files live. A bucket is an address; a path is the decoded file name inside it. Every driver enforces
/// <see cref="WriteCondition"/> atomically and never exposes a partly written file.
/// </summary>
public interface IStorageDriver
{
    /// <summary>Stores the whole stream as the file's new version and returns its ETag. On any failure the previous version stays.</summary>
    Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading (the stream is seekable); null when it does not exist.</summary>
    Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default);

    /// <summary>The file's metadata; null when it does not exist or names a directory.</summary>
    Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there was none.</summary>
    Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default);

    /// <summary>Moves a file within its bucket, replacing any target; false when the source does not exist.</summary>
    Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default);

    /// <summary>One page of a bucket's files in ordinal name order.</summary>
    Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default);
}
