using System.Text.Json.Serialization;

namespace Gaia.Protocol;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(LegacyTokenBody))]
internal sealed partial class GaiaAuthJson : JsonSerializerContext;

internal sealed record LegacyTokenBody(
    [property: JsonPropertyName("publickey")] string? PublicKey,
    [property: JsonPropertyName("signature")] string? Signature);
