namespace Gaia.Hub.Configuration;

/// <summary>The disk driver's settings, bound from <c>Gaia:Disk</c>.</summary>
public sealed class DiskStorageOptions
{
    public const string SectionName = "Gaia:Disk";

    /// <summary>Root folder of all buckets; relative paths are resolved against the working directory.</summary>
    public string RootDirectory { get; set; } = "gaia-data";

    /// <summary>fsync each file before it replaces the old one. Turn off only where losing recent writes on power loss is acceptable.</summary>
    public bool Durable { get; set; } = true;
}
