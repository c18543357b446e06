using System.Text.Json.Serialization;

namespace Gaia.Cli.Hubs;

/// <summary>The hub's own JSON bodies (snake_case hub_info, store answers, error bodies).</summary>
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(StoreAnswer))]
[JsonSerializable(typeof(ErrorAnswer))]
[JsonSerializable(typeof(ListRequest))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class HubJson : JsonSerializerContext;

/// <summary>GET /hub_info (spec 2).</summary>
internal sealed record HubInfo(
    [property: JsonPropertyName("challenge_text")] string? ChallengeText,
    [property: JsonPropertyName("latest_auth_version")] string? LatestAuthVersion,
    [property: JsonPropertyName("max_file_upload_size_megabytes")] double? MaxFileUploadSizeMegabytes,
    [property: JsonPropertyName("read_url_prefix")] string? ReadUrlPrefix);

/// <summary>The 202 body of POST /store.</summary>
internal sealed record StoreAnswer(
    [property: JsonPropertyName("publicURL")] string? PublicUrl,
    [property: JsonPropertyName("etag")] string? ETag);

/// <summary>The <c>{message, error}</c> body of a hub's 4xx/5xx answers.</summary>
internal sealed record ErrorAnswer(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>The body of POST /list-files; the first page is asked for with <c>"page": null</c>, as @stacks/storage does.</summary>
internal sealed record ListRequest(
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("stat")] bool Stat);
