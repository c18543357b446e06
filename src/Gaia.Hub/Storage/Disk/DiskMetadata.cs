using System.Text.Json.Serialization;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The sidecar record of a file, in the reference hub's layout and key names (<c>.gaia-metadata/{bucket}/{path}</c>).
/// Length and mtime tie it to one version of the data file: when they disagree the record is stale and the ETag is
/// recomputed from the bytes.
/// </summary>
internal sealed record DiskMetadata(
    [property: JsonPropertyName("content-type")] string? ContentType,
    [property: JsonPropertyName("etag")] string? ETag,
    [property: JsonPropertyName("length")] long? Length = null,
    [property: JsonPropertyName("mtime")] long? ModifiedTicks = null);

[JsonSerializable(typeof(DiskMetadata))]
internal sealed partial class DiskJson : JsonSerializerContext;
