namespace Gaia.Hub.Configuration;

/// <summary>The disk driver's settings, bound from <c>Gaia:Disk</c>.</summary>
public sealed class DiskStorageOptions
{
    public const string SectionName = "Gaia:Disk";

    /// <summary>Root folder of all buckets; relative paths are resolved against the working directory.</summary>
    public string RootDirectory { get; set; } = "gaia-data";

    /// <summary>fsync each file before it replaces the old one. Turn off only where losing recent writes on power loss is acceptable.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Where each file's content type and ETag are written; see <see cref="DiskMetadataStore"/>.</summary>
    public DiskMetadataStore Metadata { get; set; } = DiskMetadataStore.Auto;
}

/// <summary>Where the disk driver writes a file's record (content type, ETag). Records are read from either place.</summary>
public enum DiskMetadataStore
{
    /// <summary>In the file's extended attribute where the file system has them (Linux), else in a sidecar file.</summary>
    Auto,

    /// <summary>Always in the file's <c>user.gaia</c> extended attribute; the hub does not start without them.</summary>
    Attribute,

    /// <summary>Always in a sidecar file, <c>.gaia-metadata/{bucket}/{path}</c>: the reference hub's layout.</summary>
    Sidecar,
}
