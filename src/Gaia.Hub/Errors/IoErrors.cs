namespace Gaia.Hub.Errors;

/// <summary>
/// What an <see cref="IOException"/> of the file system means for a client. On Unix, .NET reports an error it has no
/// exception type for with the C library's error number as the HResult.
/// </summary>
internal static class IoErrors
{
    private const int ENFILE = 23, EMFILE = 24, ENOSPC = 28;

    /// <summary>EDQUOT: 122 on Linux, 69 on macOS.</summary>
    private static readonly int EDQUOT = OperatingSystem.IsMacOS() ? 69 : 122;

    /// <summary>No space left on the device, or the disk quota is used up.</summary>
    public static bool IsStorageFull(IOException e) =>
        !OperatingSystem.IsWindows() ? e.HResult == ENOSPC || e.HResult == EDQUOT
            : e.HResult is unchecked((int)0x80070070) or unchecked((int)0x80070027);

    /// <summary>The process or the system has no file descriptor left.</summary>
    public static bool IsOutOfHandles(IOException e) =>
        !OperatingSystem.IsWindows() && (e.HResult == EMFILE || e.HResult == ENFILE);
}
