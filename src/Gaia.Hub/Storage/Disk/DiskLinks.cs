using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Gaia.Hub.Errors;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The disk driver never follows a symbolic link below its root: a link placed there (to a file, a folder, or as a
/// bucket folder) could otherwise let reads and writes reach files outside it. Every component below the root of a
/// path about to be used is checked; the walk stops at the first one that does not exist, since nothing below it does.
/// The hub never makes links itself, so only someone with write access to the root could place one.
/// On Linux 5.6 and later the whole check is one <c>openat2</c> from a descriptor of the root with
/// <c>RESOLVE_NO_SYMLINKS</c> (the kernel refuses a link anywhere in the path, the last component included) instead of
/// one <c>readlink</c> per component; elsewhere, or where <c>openat2</c> is refused, the components are walked.
/// </summary>
internal static class DiskLinks
{
    private const int EINVAL = 22;
    private const int EPERM = 1;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;
    private const int ENOSYS = 38;
    private const long SysOpenAt2 = 437; // the same number on every Linux architecture
    private const int OPath = 0x200000; // O_PATH
    private const int OCloseOnExec = 0x80000; // O_CLOEXEC
    private const ulong ResolveNoSymlinks = 0x04;
    private const ulong ResolveBeneath = 0x08;

    private static volatile bool openAt2Unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// An <c>O_PATH</c> descriptor of <paramref name="root"/> for <see cref="EnsureNone(SafeFileHandle?, string, string)"/>,
    /// or null where <c>openat2</c> is not used. The root itself may be reached through a link.
    /// </summary>
    public static SafeFileHandle? OpenRoot(string root)
    {
        if (openAt2Unavailable)
        {
            return null;
        }

        var descriptor = DiskNative.Open(root, OPath | OCloseOnExec);
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>
    /// Throws 403 <c>BadPathError</c> when a component of <paramref name="path"/> below <paramref name="root"/> is a
    /// link; <paramref name="rootHandle"/> (from <see cref="OpenRoot"/>) makes it one system call where it can.
    /// </summary>
    public static void EnsureNone(SafeFileHandle? rootHandle, string root, string path)
    {
        if (rootHandle is not null && !openAt2Unavailable && path.Length > root.Length + 1)
        {
            switch (KindOfBeneath(rootHandle, path[root.Length..].TrimStart(Path.DirectorySeparatorChar)))
            {
                case Kind.Link:
                    throw LinkFound();
                case Kind.Missing or Kind.Other:
                    return;
            }
        }

        EnsureNone(root, path);
    }

    /// <summary>Throws 403 <c>BadPathError</c> when a component of <paramref name="path"/> below <paramref name="root"/> is a link.</summary>
    public static void EnsureNone(string root, string path)
    {
        for (var end = path.IndexOf(Path.DirectorySeparatorChar, root.Length + 1); ; end = path.IndexOf(Path.DirectorySeparatorChar, end + 1))
        {
            var component = end < 0 ? path : path[..end];
            switch (KindOf(component))
            {
                case Kind.Link:
                    throw LinkFound();
                case Kind.Missing:
                    return;
            }

            if (end < 0)
            {
                return;
            }
        }
    }

    private enum Kind
    {
        Missing,
        Link,
        Other,

        /// <summary>openat2 could not tell: walk the components instead.</summary>
        Unknown,
    }

    private static GaiaException LinkFound() =>
        GaiaException.BadPath("Invalid path: it passes through a symbolic link, which the hub does not follow.");

    /// <summary>Resolves <paramref name="relative"/> beneath the root with no link allowed anywhere, and closes it again.</summary>
    private static Kind KindOfBeneath(SafeFileHandle rootHandle, string relative)
    {
        var how = new DiskNative.OpenHow { Flags = OPath | OCloseOnExec, Resolve = ResolveNoSymlinks | ResolveBeneath };
        var added = false;
        try
        {
            rootHandle.DangerousAddRef(ref added);
            var descriptor = DiskNative.OpenAt2(SysOpenAt2, (int)rootHandle.DangerousGetHandle(), relative, ref how,
                (nuint)Unsafe.SizeOf<DiskNative.OpenHow>());
            if (descriptor >= 0)
            {
                _ = DiskNative.Close((int)descriptor);
                return Kind.Other;
            }
        }
        finally
        {
            if (added)
            {
                rootHandle.DangerousRelease();
            }
        }

        switch (Marshal.GetLastPInvokeError())
        {
            case ELOOP:
                return Kind.Link;
            case ENOENT or ENOTDIR:
                return Kind.Missing;
            case ENOSYS or EPERM:
                openAt2Unavailable = true; // an old kernel, or a seccomp filter that does not know openat2
                return Kind.Unknown;
            default:
                return Kind.Unknown;
        }
    }

    private static Kind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            return info.LinkTarget is not null ? Kind.Link : info.Exists ? Kind.Other : Kind.Missing;
        }

        byte unused = 0;
        if (DiskNative.ReadLink(path, ref unused, 1) >= 0)
        {
            return Kind.Link;
        }

        return Marshal.GetLastPInvokeError() == EINVAL ? Kind.Other : Kind.Missing;
    }
}
