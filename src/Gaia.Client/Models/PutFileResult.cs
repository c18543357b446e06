using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary>The hub's answer to a store: where the file is read, and its new ETag (for <see cref="PutFileOptions.IfMatch"/>).</summary>
/// <param name="PublicUrl">The file's read URL.</param>
/// <param name="ETag">The stored version's ETag.</param>
public sealed record PutFileResult(
    [property: JsonPropertyName("publicURL")] string? PublicUrl,
    [property: JsonPropertyName("etag")] string? ETag);
