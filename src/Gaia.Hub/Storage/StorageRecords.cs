namespace Gaia.Hub.Storage;

/// <param name="ArchivePath">When set and the file exists, its current version is kept under this name first.</param>
public sealed record WriteRequest(
    string Bucket, string Path, Stream Content, string ContentType, WriteCondition Condition, string? ArchivePath = null);

public sealed record FileStat(string Name, long ContentLength, string ContentType, string ETag, DateTimeOffset LastModified);

public sealed record ListRequest(string Bucket, int PageSize, string? PageToken = null, bool IncludeStat = false, string? Prefix = null);

/// <param name="Stat">Only filled when the request asked for it.</param>
public sealed record ListEntry(string Name, FileStat? Stat);

public sealed record ListPage(IReadOnlyList<ListEntry> Entries, string? NextPageToken);

/// <summary>An open file: its metadata and a seekable stream of its bytes. Dispose it.</summary>
public sealed class StoredFile(FileStat stat, Stream content) : IAsyncDisposable
{
    public FileStat Stat { get; } = stat;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
