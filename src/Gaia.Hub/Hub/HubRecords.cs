using System.Text.Json.Serialization;
using Gaia.Hub.Storage;

namespace Gaia.Hub.Hub;

/// <param name="Path">The decoded file name.</param>
public sealed record StoreRequest(string Path, string? ContentType, long? ContentLength, string? IfMatch, string? IfNoneMatch, Stream Body);

public sealed record StoreResult(
    [property: JsonPropertyName("publicURL")] string PublicUrl,
    [property: JsonPropertyName("etag")] string ETag);

/// <param name="Prefix">Extension: only names starting with it.</param>
public sealed record ListFilesRequest(string? Page, bool Stat, string? Prefix);

/// <summary>A page of a listing; an entry is null only where archival filtering emptied a page that has a successor.</summary>
public sealed record ListFilesResult(IReadOnlyList<ListEntry?> Entries, string? Page);

public sealed record HubInfo(
    [property: JsonPropertyName("challenge_text")] string ChallengeText,
    [property: JsonPropertyName("latest_auth_version")] string LatestAuthVersion,
    [property: JsonPropertyName("max_file_upload_size_megabytes")] double MaxFileUploadSizeMegabytes,
    [property: JsonPropertyName("read_url_prefix")] string ReadUrlPrefix);
