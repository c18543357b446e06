namespace Gaia.Client;

/// <summary>One file of a listing; the other members are null unless the listing was made with <c>stat</c>.</summary>
/// <param name="Name">The file's path in the bucket.</param>
/// <param name="ContentLength">Its size in bytes.</param>
/// <param name="ContentType">Its stored content type.</param>
/// <param name="ETag">Its current ETag.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record HubFile(
    string Name,
    long? ContentLength = null,
    string? ContentType = null,
    string? ETag = null,
    DateTimeOffset? LastModified = null);
