namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Walks a bucket in global ordinal name order (a directory sorts as "name/"), skipping whole subtrees that lie
/// before the page token or outside the prefix, and stopping as soon as the page is full.
/// </summary>
internal static class DiskLister
{
    public static IEnumerable<string> Walk(string directory, string relative, string? after, string? prefix)
    {
        FileSystemInfo[] children;
        try
        {
            children = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (DirectoryNotFoundException)
        {
            yield break;
        }

        var keyed = children
            .Where(c => c.LinkTarget is null)
            .Select(c => (Key: relative + c.Name + (c is DirectoryInfo ? "/" : ""), Info: c))
            .OrderBy(c => c.Key, StringComparer.Ordinal);
        foreach (var (key, info) in keyed)
        {
            if (info is DirectoryInfo)
            {
                if (SubtreeMayContainMore(key, after, prefix))
                {
                    foreach (var name in Walk(info.FullName, key, after, prefix))
                    {
                        yield return name;
                    }
                }
            }
            else if ((after is null || string.CompareOrdinal(key, after) > 0)
                && (prefix is null || key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return key;
            }
        }
    }

    private static bool SubtreeMayContainMore(string key, string? after, string? prefix)
    {
        var pastToken = after is not null && string.CompareOrdinal(after, key) > 0 && !after.StartsWith(key, StringComparison.Ordinal);
        var prefixFits = prefix is null || key.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(key, StringComparison.Ordinal);
        return !pastToken && prefixFits;
    }
}
