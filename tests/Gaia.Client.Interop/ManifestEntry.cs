using System.Text.Json.Serialization;

namespace Gaia.Client.Interop;

/// <summary>One file of an interop manifest (the format of tests/clients/interop.mjs).</summary>
internal sealed record ManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("plaintext")] string Plaintext);

[JsonSerializable(typeof(List<ManifestEntry>))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class ManifestJson : JsonSerializerContext;
