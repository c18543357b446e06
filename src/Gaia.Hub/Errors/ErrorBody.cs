using System.Text.Json.Serialization;

namespace Gaia.Hub.Errors;

/// <summary>The JSON body of every error response: <c>{message, error}</c>, plus <c>etag</c> on a 412.</summary>
public sealed record ErrorBody(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("etag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag = null);
