using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace Gaia.Hub.Storage.Disk;

/// <summary>
/// Walks a bucket in global ordinal name order (a directory sorts as "name/"), skipping whole subtrees that lie
/// before the page token or outside the prefix, and stopping as soon as the page is full. Symbolic links are left out.
/// </summary>
/// <remarks>
/// Reading a directory of thousands of entries costs far more than the rest of a listing, so the sorted entries of a
/// directory are kept while its modification time stays the same, but only once that time is older than
/// <see cref="SettledAfter"/>: a change made later is then stamped with a later time, whatever the clock granularity
/// of the file system, and is seen by the next listing (the "racy git" rule). A directory changed less than that ago
/// is read afresh each time.
/// </remarks>
internal sealed class DiskLister
{
    public static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(2);
    private const int MaxCachedEntries = 200_000;

    /// <summary>What <c>DirectoryInfo.GetFileSystemInfos()</c> enumerates: every entry, hidden ones included.</summary>
    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly ConcurrentDictionary<string, DiskListing> cache = new(StringComparer.Ordinal);
    private int cachedEntries;

    public IEnumerable<string> Walk(string directory, string relative, string? after, string? prefix)
    {
        if (ListingOf(directory) is not { } listing)
        {
            yield break;
        }

        for (var i = 0; i < listing.Keys.Length; i++)
        {
            var child = listing.Keys[i];
            var key = relative + child;
            if (child.EndsWith('/'))
            {
                if (SubtreeMayContainMore(key, after, prefix) && !listing.IsLink(i, directory))
                {
                    foreach (var name in Walk(Path.Join(directory, child[..^1]), key, after, prefix))
                    {
                        yield return name;
                    }
                }
            }
            else if ((after is null || string.CompareOrdinal(key, after) > 0)
                && (prefix is null || key.StartsWith(prefix, StringComparison.Ordinal))
                && !listing.IsLink(i, directory))
            {
                yield return key;
            }
        }
    }

    /// <summary>The sorted entries of a directory, from the cache while it is still current; null when it does not exist.</summary>
    private DiskListing? ListingOf(string directory)
    {
        var now = DateTime.UtcNow;
        var modified = Directory.GetLastWriteTimeUtc(directory);
        if (cache.TryGetValue(directory, out var cached) && cached.Modified == modified)
        {
            return cached;
        }

        string[] keys;
        try
        {
            keys = [.. new FileSystemEnumerable<string>(directory, (ref entry) => KeyOf(ref entry), AllEntries)];
        }
        catch (DirectoryNotFoundException)
        {
            cache.TryRemove(directory, out _);
            return null;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        var listing = new DiskListing(keys, modified);
        if (now - modified > SettledAfter)
        {
            Remember(directory, listing);
        }
        else
        {
            cache.TryRemove(directory, out _);
        }

        return listing;
    }

    /// <summary>
    /// Keeps a settled directory's listing. The entry count only grows (a replaced listing is not subtracted), so the
    /// cache is emptied at the latest when it holds <see cref="MaxCachedEntries"/> names: bounded memory, no bookkeeping.
    /// </summary>
    private void Remember(string directory, DiskListing listing)
    {
        if (Interlocked.Add(ref cachedEntries, listing.Keys.Length) > MaxCachedEntries)
        {
            cache.Clear();
            Interlocked.Exchange(ref cachedEntries, listing.Keys.Length);
        }

        cache[directory] = listing;
    }

    /// <summary>An entry's name, a directory's with "/" appended, straight from the directory entry (no system call).</summary>
    private static string KeyOf(ref FileSystemEntry entry) =>
        entry.IsDirectory ? entry.FileName.ToString() + "/" : entry.FileName.ToString();

    private static bool SubtreeMayContainMore(string key, string? after, string? prefix)
    {
        var pastToken = after is not null && string.CompareOrdinal(after, key) > 0 && !after.StartsWith(key, StringComparison.Ordinal);
        var prefixFits = prefix is null || key.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(key, StringComparison.Ordinal);
        return !pastToken && prefixFits;
    }
}
