using Gaia.Hub.Configuration;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Where the disk driver keeps each file's <see cref="DiskMetadata"/>. Written to the file's extended attribute when
/// the file system has them (then a store replaces one file, not two, and a reader can never pair one version's
/// bytes with another's record), else to the sidecar file. Read from the attribute first, then the sidecar, whatever
/// the setting, so files written under either setting, or by the reference hub, are served alike.
/// </summary>
/// <remarks>
/// A sidecar is written before its data is renamed into place and holds both the new version's record and the one it
/// replaces, so whichever version the path names (a crash between the two renames, a reader that opened the file
/// just before the rename) one of the two records describes it, matched by length and modification time. A new
/// version whose length and time equal the old one's gets a later time first, so the two can always be told apart.
/// </remarks>
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
    /// Before <paramref name="temp"/> is renamed over the version <paramref name="previous"/> describes (null when there
    /// is none): writes the sidecar with both records. Returns the new record, with the later time it may have been given.
    /// </summary>
    public DiskMetadata WriteSidecar(string sidecar, string temp, DiskMetadata record, DiskMetadata? previous)
    {
        if (previous is not null && previous.Length == record.Length && previous.ModifiedTicks == record.ModifiedTicks)
        {
            record = record with { ModifiedTicks = LaterTime(temp, previous.ModifiedTicks!.Value) };
        }

        DiskFiles.WriteMetadata(sidecar, record with { Previous = previous }, tempRoot);
        return record;
    }

    /// <summary>The record of the open file: its attribute, else its sidecar (with the previous version's), else null.</summary>
    public static DiskMetadata? Read(SafeFileHandle file, string sidecar) =>
        DiskAttributes.TryGet(file) ?? DiskFiles.ReadMetadata(sidecar);

    /// <summary>Sets the file's time after <paramref name="ticks"/>, by 100 ns where the file system keeps that, else by a second.</summary>
    private static long LaterTime(string path, long ticks)
    {
        foreach (var step in new[] { 1L, TimeSpan.TicksPerSecond })
        {
            File.SetLastWriteTimeUtc(path, new DateTime(ticks + step, DateTimeKind.Utc));
            var set = File.GetLastWriteTimeUtc(path).Ticks;
            if (set != ticks)
            {
                return set;
            }
        }

        throw new IOException("The file system does not keep modification times.");
    }

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
