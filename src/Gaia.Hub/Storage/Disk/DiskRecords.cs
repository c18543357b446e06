using Gaia.Hub.Configuration;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Where the disk driver keeps each file's <see cref="DiskMetadata"/>. Written to the file's extended attribute when
/// the file system has them (then a store replaces one file, not two, and a reader can never pair one version's
/// bytes with another's record), else to the sidecar file. Read from the attribute first, then the sidecar, whatever
/// the setting, so files written under either setting, or by the reference hub, are served alike.
/// </summary>
internal sealed class DiskRecords
{
    private readonly string tempRoot;

    public DiskRecords(DiskLayout layout, DiskMetadataStore store)
    {
        tempRoot = layout.TempRoot;
        if (store == DiskMetadataStore.Sidecar)
        {
            return;
        }

        var error = Probe(layout.TempRoot);
        InAttributes = error is null;
        if (store == DiskMetadataStore.Attribute && error is not null)
        {
            throw new InvalidOperationException(
                $"Gaia:Disk:Metadata is Attribute, but user extended attributes cannot be written under {layout.Root} ({error}). " +
                "Use Auto or Sidecar, or a file system with user extended attributes.");
        }
    }

    /// <summary>True when new records go to the file's extended attribute.</summary>
    public bool InAttributes { get; }

    /// <summary>Gives a file its record, before its fsync and rename; false when the record must go to the sidecar.</summary>
    public bool Attach(SafeFileHandle file, DiskMetadata record) => InAttributes && DiskAttributes.TrySet(file, record);

    /// <summary>
    /// After the rename, under the path's lock: writes the sidecar when the record was not attached, else removes
    /// the sidecar an older version may have left (it would describe other bytes).
    /// </summary>
    public void Commit(string sidecar, DiskMetadata record, bool attached)
    {
        if (!attached)
        {
            DiskFiles.WriteMetadata(sidecar, record, tempRoot);
        }
        else if (File.Exists(sidecar))
        {
            DiskFiles.DeleteQuietly(sidecar);
        }
    }

    /// <summary>The record of the open file: its attribute, else its sidecar, else null. It may be stale.</summary>
    public static DiskMetadata? Read(SafeFileHandle file, string sidecar) =>
        DiskAttributes.TryGet(file) ?? DiskFiles.ReadMetadata(sidecar);

    private static string? Probe(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "extended attributes are used on Linux only";
        }

        var probe = Path.Join(directory, "probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var file = DiskFiles.CreateNew(probe);
            return DiskAttributes.TrySet(file.SafeFileHandle, [0], out var errno) ? null : $"fsetxattr failed with errno {errno}";
        }
        finally
        {
            DiskFiles.DeleteQuietly(probe);
        }
    }
}
