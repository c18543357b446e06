using System.Text.Json.Serialization;
using Gaia.Client;

namespace Gaia.Cli.Hubs;

/// <summary>One entry of a listing as the tool prints it; the stat fields are null when the listing was made without <c>stat</c>.</summary>
internal sealed record ListedFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("contentLength")] long? ContentLength = null,
    [property: JsonPropertyName("contentType")] string? ContentType = null,
    [property: JsonPropertyName("etag")] string? ETag = null,
    [property: JsonPropertyName("lastModifiedDate")] long? LastModifiedDate = null)
{
    public static ListedFile From(HubFile file) =>
        new(file.Name, file.ContentLength, file.ContentType, file.ETag, file.LastModified?.ToUnixTimeSeconds());
}
