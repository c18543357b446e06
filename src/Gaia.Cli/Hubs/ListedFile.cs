using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gaia.Cli.Hubs;

/// <summary>One entry of a listing; the stat fields are null when the listing was made without <c>stat</c> (or the hub omits them).</summary>
internal sealed record ListedFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("contentLength")] long? ContentLength = null,
    [property: JsonPropertyName("contentType")] string? ContentType = null,
    [property: JsonPropertyName("etag")] string? ETag = null,
    [property: JsonPropertyName("lastModifiedDate")] long? LastModifiedDate = null)
{
    /// <summary>A name (string) or stat object (spec 7); null for the <c>null</c> entries hubs use as page fillers.</summary>
    public static ListedFile? From(JsonElement entry) => entry.ValueKind switch
    {
        JsonValueKind.String => new ListedFile(entry.GetString()!),
        JsonValueKind.Object when entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String =>
            new ListedFile(name.GetString()!, Number(entry, "contentLength"), Text(entry, "contentType"), Text(entry, "etag"),
                Number(entry, "lastModifiedDate")),
        _ => null,
    };

    private static string? Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? (long)Math.Round(number)
            : null;
}
