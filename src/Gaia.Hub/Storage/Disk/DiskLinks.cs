using System.Runtime.InteropServices;
using Gaia.Hub.Errors;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// The disk driver never follows a symbolic link below its root: a link placed there (to a file, a folder, or as a
/// bucket folder) could otherwise let reads and writes reach files outside it. Every component below the root of a
/// path about to be used is checked; the walk stops at the first one that does not exist, since nothing below it does.
/// The hub never makes links itself, so only someone with write access to the root could place one.
/// </summary>
internal static class DiskLinks
{
    private const int EINVAL = 22;

    /// <summary>Throws 403 <c>BadPathError</c> when a component of <paramref name="path"/> below <paramref name="root"/> is a link.</summary>
    public static void EnsureNone(string root, string path)
    {
        for (var end = path.IndexOf(Path.DirectorySeparatorChar, root.Length + 1); ; end = path.IndexOf(Path.DirectorySeparatorChar, end + 1))
        {
            var component = end < 0 ? path : path[..end];
            switch (KindOf(component))
            {
                case Kind.Link:
                    throw GaiaException.BadPath("Invalid path: it passes through a symbolic link, which the hub does not follow.");
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
