using System.Runtime.InteropServices;

namespace Gaia.Hub.Server;

/// <summary>
/// The process's limit on open files (RLIMIT_NOFILE). At start the soft limit is raised to the hard one, as nginx's
/// worker_rlimit_nofile and Go's runtime do: every connection and every file being read or written takes one, and the
/// common soft default of 1024 is far below what a server needs.
/// </summary>
internal static partial class OpenFileLimit
{
    /// <summary>What is assumed where the limit cannot be read (not Linux).</summary>
    private const long Unknown = 65_536;

    private const int RlimitNoFile = 7;

    /// <summary>Raises the soft limit to the hard limit where it can; returns the soft limit now in force.</summary>
    public static long Raise()
    {
        if (!OperatingSystem.IsLinux() || GetLimit(RlimitNoFile, out var limit) != 0)
        {
            return Unknown;
        }

        if (limit.Soft < limit.Hard)
        {
            var raised = limit with { Soft = limit.Hard };
            if (SetLimit(RlimitNoFile, in raised) == 0)
            {
                limit = raised;
            }
        }

        return (long)Math.Min(limit.Soft, long.MaxValue);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Soft, ulong Hard);

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetLimit(int resource, out ResourceLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetLimit(int resource, in ResourceLimit limit);
}
