using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Microsoft.Win32.SafeHandles;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Where things live under the root: <c>{bucket}/{path}</c> data, <c>.gaia-metadata/{bucket}/{path}</c> sidecars,
/// <c>{bucket}-auth/authTimestamp</c> revocation timestamps, <c>.gaia-tmp/{process}/</c> uploads in progress. Every
/// resolved path is checked to stay under its bucket and not to pass through a symbolic link.
/// </summary>
internal sealed class DiskLayout : IDisposable
{
    private readonly DiskTempFolder temp;
    private readonly SafeFileHandle? rootHandle;

    public DiskLayout(DiskStorageOptions options)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.RootDirectory));
        MetadataRoot = Path.Join(Root, ".gaia-metadata");
        Directory.CreateDirectory(MetadataRoot);
        rootHandle = DiskLinks.OpenRoot(Root);
        DiskLinks.EnsureNone(Root, MetadataRoot);
        DiskLinks.EnsureNone(Root, Path.Join(Root, ".gaia-tmp"));
        temp = new DiskTempFolder(Path.Join(Root, ".gaia-tmp"));
    }

    public string Root { get; }

    public string MetadataRoot { get; }

    /// <summary>This process's folder for files being written; on the same file system as the data, for renames.</summary>
    public string TempRoot => temp.Location;

    public string BucketDirectory(string bucket)
    {
        if (!GaiaPath.IsAddress(bucket))
        {
            throw GaiaException.BadPath("Invalid bucket name.");
        }

        var directory = Path.Join(Root, bucket);
        DiskLinks.EnsureNone(rootHandle, Root, directory);
        return directory;
    }

    public (string Data, string Metadata) Resolve(string bucket, string path)
    {
        GaiaPath.EnsureValid(path);
        if (!GaiaPath.IsAddress(bucket))
        {
            throw GaiaException.BadPath("Invalid bucket name.");
        }

        return (Under(Path.Join(Root, bucket), path), Under(Path.Join(MetadataRoot, bucket), path));
    }

    /// <summary>The file of a bucket's revocation timestamp, <c>{bucket}-auth/authTimestamp</c> as the reference hub keeps it.</summary>
    public string RevocationFile(string bucket) =>
        GaiaPath.IsAddress(bucket) ? Under(Path.Join(Root, bucket + "-auth"), "authTimestamp") : throw new ArgumentException("Not an address.", nameof(bucket));

    public string NewTempFile() => Path.Join(TempRoot, Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        temp.Dispose();
        rootHandle?.Dispose();
    }

    private string Under(string directory, string path)
    {
        var full = Path.GetFullPath(Path.Join(directory, path));
        if (!full.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw GaiaException.BadPath("Invalid path: it leaves the bucket.");
        }

        DiskLinks.EnsureNone(rootHandle, Root, full);
        return full;
    }
}
