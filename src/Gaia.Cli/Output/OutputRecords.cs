using System.Text.Json;
using System.Text.Json.Serialization;
using Gaia.Cli.Hubs;

namespace Gaia.Cli.Output;

/// <summary><c>gaia key new</c> and <c>gaia key address</c>; the private key only when it was asked for.</summary>
internal sealed record KeyOutput(string Address, string PublicKey, string? PrivateKey = null, string? KeyFile = null);

/// <summary><c>gaia token</c> (Authorization is the header value) and <c>gaia token association</c> (no Authorization).</summary>
internal sealed record TokenOutput(string Token, string? Authorization, string Address, JsonElement Payload);

internal sealed record HubInfoOutput(string Url, string? ChallengeText, string? LatestAuthVersion, double? MaxFileUploadSizeMegabytes, string? ReadUrlPrefix);

internal sealed record PutOutput(string Path, string? PublicUrl, [property: JsonPropertyName("etag")] string? ETag, long Bytes, string ContentType);

internal sealed record GetOutput(string Path, string Url, string File, long Bytes, string? ContentType, [property: JsonPropertyName("etag")] string? ETag);

internal sealed record ListOutput(string Address, int Count, IReadOnlyList<string> Files);

internal sealed record ListStatOutput(string Address, int Count, IReadOnlyList<ListedFile> Files);

internal sealed record RemoveOutput(string Address, IReadOnlyList<string> Deleted);

internal sealed record RevokeOutput(string Address, long OldestValidTimestamp);
