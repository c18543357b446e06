namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// A directory's sorted entry keys. Whether an entry is a symbolic link is looked up only for the entries a page
/// reaches, then remembered: an entry cannot change kind without the directory changing.
/// </summary>
internal sealed class DiskListing(string[] keys, DateTime modified)
{
    private const byte Unknown = 0, NotLink = 1, Link = 2;
    private readonly byte[] kinds = new byte[keys.Length];

    public string[] Keys { get; } = keys;

    public DateTime Modified { get; } = modified;

    public bool IsLink(int index, string directory)
    {
        if (kinds[index] == Unknown)
        {
            var name = Keys[index].EndsWith('/') ? Keys[index][..^1] : Keys[index];
            kinds[index] = LinkTargetOf(Path.Join(directory, name)) is null ? NotLink : Link;
        }

        return kinds[index] == Link;
    }

    /// <summary>The link's target, or null; an entry that has gone since the directory was read counts as it was.</summary>
    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
