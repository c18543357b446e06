using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The <c>user.gaia</c> extended attribute of an open file (Linux only), which holds the file's record. The attribute
/// belongs to the inode, so it is written to the temporary file before the fsync and arrives with the rename: one
/// file per version, never a record of another version. Every failure reads as "no attribute" and callers fall back
/// to the sidecar record.
/// </summary>
internal static class DiskAttributes
{
    private const string Name = "user.gaia";
    private const int MaxValueBytes = DiskMetadata.AttributeHeaderBytes + 1024;

    /// <summary>The record held by the file, or null when it has none (or the platform or file system has no attributes).</summary>
    public static DiskMetadata? TryGet(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> value = stackalloc byte[MaxValueBytes];
        var length = DiskNative.GetAttribute(file, Name, ref MemoryMarshal.GetReference(value), (nuint)value.Length);
        return length < 0 ? null : DiskMetadata.FromAttribute(value[..(int)length]);
    }

    /// <summary>Writes the record on the file; false when the platform, the file system or the record does not allow it.</summary>
    public static bool TrySet(SafeFileHandle file, DiskMetadata record) =>
        TrySet(file, record.ToAttribute(), out _);

    /// <summary>As <see cref="TrySet(SafeFileHandle, DiskMetadata)"/>, with the C library's error number on failure.</summary>
    public static bool TrySet(SafeFileHandle file, byte[]? value, out int error)
    {
        error = 0;
        if (!OperatingSystem.IsLinux() || value is null)
        {
            return false;
        }

        if (DiskNative.SetAttribute(file, Name, value, (nuint)value.Length, 0) == 0)
        {
            return true;
        }

        error = Marshal.GetLastPInvokeError();
        return false;
    }
}
