using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Where things live under the root: <c>{bucket}/{path}</c> data, <c>.gaia-metadata/{bucket}/{path}</c> sidecars,
/// <c>.gaia-tmp/</c> uploads in progress. Every resolved path is checked to stay under its bucket.
/// </summary>
internal sealed class DiskLayout
{
    public DiskLayout(DiskStorageOptions options)
    {
        Root = Path.GetFullPath(options.RootDirectory);
        MetadataRoot = Path.Join(Root, ".gaia-metadata");
        TempRoot = Path.Join(Root, ".gaia-tmp");
        Directory.CreateDirectory(MetadataRoot);
        Directory.CreateDirectory(TempRoot);
    }

    public string Root { get; }

    public string MetadataRoot { get; }

    public string TempRoot { get; }

    public string BucketDirectory(string bucket)
    {
        if (!GaiaPath.IsAddress(bucket))
        {
            throw GaiaException.BadPath("Invalid bucket name.");
        }

        return Path.Join(Root, bucket);
    }

    public (string Data, string Metadata) Resolve(string bucket, string path)
    {
        GaiaPath.EnsureValid(path);
        return (Under(BucketDirectory(bucket), path), Under(Path.Join(MetadataRoot, bucket), path));
    }

    public string NewTempFile() => Path.Join(TempRoot, Guid.NewGuid().ToString("N"));

    private static string Under(string directory, string path)
    {
        var full = Path.GetFullPath(Path.Join(directory, path));
        if (!full.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw GaiaException.BadPath("Invalid path: it leaves the bucket.");
        }

        return full;
    }
}
