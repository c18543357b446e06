using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;

namespace Gaia.Hub.Http;

/// <summary>Source-generated JSON for every body the hub writes.</summary>
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(StoreResult))]
[JsonSerializable(typeof(ListNamesResponse))]
[JsonSerializable(typeof(ListStatResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class GaiaJson : JsonSerializerContext
{
    /// <summary>Escapes only what JSON requires, so texts like challenge_text read as the reference hub writes them.</summary>
    public static GaiaJson Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

internal sealed record ListNamesResponse(
    [property: JsonPropertyName("entries")] IReadOnlyList<string?> Entries,
    [property: JsonPropertyName("page")] string? Page);

internal sealed record ListStatResponse(
    [property: JsonPropertyName("entries")] IReadOnlyList<StatEntry?> Entries,
    [property: JsonPropertyName("page")] string? Page);

internal sealed record StatEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("exists")] bool Exists,
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("contentLength")] long ContentLength,
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("lastModifiedDate")] long LastModifiedDate);

internal sealed record StatusResponse([property: JsonPropertyName("status")] string Status);
