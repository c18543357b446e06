using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3;

/// <summary>
/// Lists a bucket's objects (keys under <c>{address}/</c>, in S3's UTF-8 binary order) one page at a time with
/// ListObjectsV2, asking again while the service answers with fewer keys than the page needs. With stat, each entry's
/// content type comes from a HEAD (a listing does not carry it), a few at a time.
/// </summary>
internal static class S3Lister
{
    private const int ParallelHeads = 8;

    public static async Task<ListPage> ListAsync(IAmazonS3 s3, string bucketName, string bucketPrefix, ListRequest request, CancellationToken cancellationToken)
    {
        var after = S3PageToken.Decode(request.PageToken);
        var listing = new ListObjectsV2Request
        {
            BucketName = bucketName, Prefix = bucketPrefix + request.Prefix, StartAfter = after is null ? null : bucketPrefix + after,
        };
        var names = new List<string>(Math.Min(request.PageSize, 1024));
        bool more;
        do
        {
            listing.MaxKeys = request.PageSize - names.Count;
            var response = await s3.ListObjectsV2Async(listing, cancellationToken);
            names.AddRange((response.S3Objects ?? []).Select(o => o.Key[bucketPrefix.Length..]));
            more = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken);
            listing.ContinuationToken = response.NextContinuationToken;
            listing.StartAfter = null;
        }
        while (more && names.Count < request.PageSize);

        var next = more && names.Count > 0 ? S3PageToken.Encode(names[^1]) : null;
        if (!request.IncludeStat)
        {
            return new ListPage([.. names.Select(name => new ListEntry(name, null))], next);
        }

        var stats = new FileStat?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelHeads, CancellationToken = cancellationToken },
            async (i, token) => stats[i] = await S3Versions.StatAsync(s3, bucketName, bucketPrefix + names[i], names[i], token));
        return new ListPage([.. stats.OfType<FileStat>().Select(stat => new ListEntry(stat.Name, stat))], next);
    }
}
