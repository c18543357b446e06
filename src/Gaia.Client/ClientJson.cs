using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary>The JSON bodies and envelopes of the client (source-generated, compact as JSON.stringify writes them).</summary>
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(PutFileResult))]
[JsonSerializable(typeof(ErrorAnswer))]
[JsonSerializable(typeof(ListRequest))]
[JsonSerializable(typeof(CipherObject))]
[JsonSerializable(typeof(SignedCipherObject))]
[JsonSerializable(typeof(SignatureObject))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class ClientJson : JsonSerializerContext;

/// <summary>The <c>{message, error}</c> body of a hub's error answers (and <c>etag</c> on 412).</summary>
internal sealed record ErrorAnswer(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("etag")] string? ETag);

/// <summary>The body of POST /list-files; the first page is asked for with <c>"page": null</c>, as @stacks/storage does.</summary>
internal sealed record ListRequest(
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("stat")] bool Stat);
