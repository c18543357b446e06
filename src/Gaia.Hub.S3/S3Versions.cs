using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3;

/// <summary>Object versions: the current one (a HEAD), the conditions that pin a write to it, and server-side copies of it.</summary>
internal static class S3Versions
{
    /// <summary>
    /// The conditions of one commit attempt. The driver checks the caller's condition itself against a HEAD (so it holds
    /// within one hub instance on any S3-compatible service) and then pins the commit to the version it saw, with
    /// <c>If-Match</c> or <c>If-None-Match: *</c>, which S3, R2 and MinIO check atomically with the write (so it holds
    /// across instances there). Where an archival copy is asked for, exactly the pinned version is copied first.
    /// </summary>
    /// <returns>The quoted ETag the object must still have, or whether it must not exist; neither for a plain write.</returns>
    public static async Task<(string? IfMatch, bool IfNoneMatch)> ConditionsForAsync(
        IAmazonS3 s3, string bucketName, string key, string path, string? archiveKey, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (condition.IsNone && archiveKey is null)
        {
            return (null, false);
        }

        var current = await StatAsync(s3, bucketName, key, path, cancellationToken);
        condition.EnsureSatisfiedBy(current);
        if (current is null)
        {
            return (null, true);
        }

        var pinned = Quoted(current.ETag);
        if (archiveKey is not null)
        {
            await CopyAsync(s3, bucketName, key, archiveKey, pinned, cancellationToken);
        }

        return (pinned, false);
    }

    /// <summary>A server-side copy with content type and cache control, only of the version <paramref name="quotedETag"/>.</summary>
    public static Task CopyAsync(IAmazonS3 s3, string bucketName, string sourceKey, string targetKey, string quotedETag, CancellationToken cancellationToken) =>
        s3.CopyObjectAsync(
            new CopyObjectRequest
            {
                SourceBucket = bucketName, SourceKey = sourceKey, DestinationBucket = bucketName, DestinationKey = targetKey,
                ETagToMatch = quotedETag, MetadataDirective = S3MetadataDirective.COPY,
            },
            cancellationToken);

    public static async Task<FileStat?> StatAsync(IAmazonS3 s3, string bucketName, string key, string path, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucketName, Key = key }, cancellationToken);
            return new FileStat(path, head.ContentLength, ContentTypeOf(head.Headers.ContentType), Text(head.ETag), LastModifiedOf(head.LastModified));
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>The ETag as the hub shows it: S3's without its quotes (an MD5 in hex, or <c>{md5}-{parts}</c> after a multipart upload).</summary>
    public static string Text(string etag) => ETags.Bare(etag).ToString();

    /// <summary>A client's value (quoted or not, weak or not) as the strong, quoted ETag S3 compares.</summary>
    public static string Quoted(string etag) => $"\"{ETags.Bare(etag)}\"";

    public static string ContentTypeOf(string? contentType) => string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType;

    public static DateTimeOffset LastModifiedOf(DateTime? lastModified) =>
        lastModified is { } value ? new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
}
