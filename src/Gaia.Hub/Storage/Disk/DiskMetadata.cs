using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Serialization;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// A file's record: content type and ETag, plus the length and mtime of the data it describes. When those disagree
/// with the file the record is stale and the ETag is recomputed from the bytes. It is kept either in the file's
/// <c>user.gaia</c> extended attribute (<see cref="ToAttribute"/>) or in a sidecar file in the reference hub's layout
/// and key names (<c>.gaia-metadata/{bucket}/{path}</c>, JSON).
/// </summary>
/// <remarks>
/// A sidecar is written before the data it describes is renamed into place, and then also holds the record of the
/// version it replaces (<see cref="Previous"/>): whichever of the two versions the path names, after a crash or while
/// a store is in flight, one of the records describes it.
/// </remarks>
internal sealed record DiskMetadata(
    [property: JsonPropertyName("content-type")] string? ContentType,
    [property: JsonPropertyName("etag")] string? ETag,
    [property: JsonPropertyName("length")] long? Length = null,
    [property: JsonPropertyName("mtime")] long? ModifiedTicks = null,
    [property: JsonPropertyName("previous"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DiskMetadata? Previous = null)
{
    /// <summary>Format byte, length, mtime ticks and the 16 bytes of the MD5, before the content type.</summary>
    public const int AttributeHeaderBytes = 1 + 8 + 8 + 16;

    private const byte AttributeFormat = 1;

    /// <summary>True when the record describes a file of this length and mtime.</summary>
    public bool Describes(long length, DateTimeOffset modified) =>
        ETag is not null && Length == length && ModifiedTicks == modified.UtcTicks;

    /// <summary>This record or the previous version's, whichever describes a file of this length and mtime; else null.</summary>
    public DiskMetadata? For(long length, DateTimeOffset modified) =>
        Describes(length, modified) ? this with { Previous = null } : Previous?.For(length, modified);

    /// <summary>
    /// The content type to keep for bytes whose MD5 is <paramref name="md5"/> when no record describes their length
    /// and mtime: that of a record of the same bytes (the file was only touched or copied), or of a reference-hub
    /// sidecar (it has no length, and it is the only record those bytes ever had); else none, rather than the type of
    /// other bytes.
    /// </summary>
    public string? ContentTypeFor(string md5) =>
        ETag == md5 || Length is null ? ContentType : Previous?.ContentTypeFor(md5);

    /// <summary>
    /// The attribute's binary form, small enough for ext4 to keep inside the inode for the usual content types (a
    /// 256-byte inode has room for about 68 bytes): format 1, length and mtime ticks (little-endian), MD5, UTF-8
    /// content type. Null when the record cannot be written so (no length, mtime or lowercase MD5 ETag).
    /// </summary>
    public byte[]? ToAttribute()
    {
        if (Length is not { } length || ModifiedTicks is not { } ticks || ETag is not { Length: 32 } etag)
        {
            return null;
        }

        var type = Encoding.UTF8.GetBytes(ContentType ?? "");
        var value = new byte[AttributeHeaderBytes + type.Length];
        value[0] = AttributeFormat;
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(1), length);
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(9), ticks);
        if (Convert.FromHexString(etag, value.AsSpan(17, 16), out _, out var written) != OperationStatus.Done || written != 16
            || Convert.ToHexStringLower(value.AsSpan(17, 16)) != etag)
        {
            return null;
        }

        type.CopyTo(value, AttributeHeaderBytes);
        return value;
    }

    /// <summary>Reads <see cref="ToAttribute"/>'s form; null for anything else.</summary>
    public static DiskMetadata? FromAttribute(ReadOnlySpan<byte> value)
    {
        if (value.Length < AttributeHeaderBytes || value[0] != AttributeFormat)
        {
            return null;
        }

        string type;
        try
        {
            type = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(value[AttributeHeaderBytes..]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return new DiskMetadata(
            type.Length == 0 ? null : type,
            Convert.ToHexStringLower(value.Slice(17, 16)),
            BinaryPrimitives.ReadInt64LittleEndian(value[1..]),
            BinaryPrimitives.ReadInt64LittleEndian(value[9..]));
    }
}

[JsonSerializable(typeof(DiskMetadata))]
internal sealed partial class DiskJson : JsonSerializerContext;
