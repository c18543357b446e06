using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The few C library calls .NET has no API for (Linux): extended attributes, a plain open/close, openat2 and readlink to tell
/// a symbolic link from anything else without an exception.
/// </summary>
internal static partial class DiskNative
{
    /// <summary>
    /// <c>O_RDONLY | O_NONBLOCK | O_CLOEXEC</c> (the same values on every Linux architecture): non-blocking, so that a
    /// FIFO placed in a bucket folder by hand cannot hang the open.
    /// </summary>
    public const int OpenReadOnly = 0x80000 | 0x800;

    [LibraryImport("libc", EntryPoint = "fgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetAttribute(SafeFileHandle file, string name, ref byte value, nuint size);

    [LibraryImport("libc", EntryPoint = "fsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetAttribute(SafeFileHandle file, string name, byte[] value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int descriptor);

    /// <summary><c>openat2(2)</c> (Linux 5.6), which libc has no wrapper for: <c>syscall(SYS_openat2, …)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long OpenAt2(long number, int directory, string path, ref OpenHow how, nuint size);

    /// <summary><c>struct open_how</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ReadLink(string path, ref byte buffer, nuint size);
}
