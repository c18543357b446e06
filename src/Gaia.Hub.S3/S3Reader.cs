using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Storage;

namespace Gaia.Hub.S3;

/// <summary>
/// Opens one version of an object for reading with a single GET. A file up to 4 MiB is read whole and served from
/// memory; a larger one continues as an <see cref="S3ReadStream"/> over the same response, pinned to its ETag.
/// </summary>
internal static class S3Reader
{
    public const int InMemoryLimit = 4 * 1024 * 1024;

    /// <summary>Null when the object does not exist.</summary>
    public static async Task<StoredFile?> OpenAsync(IAmazonS3 s3, string bucketName, string key, string path, CancellationToken cancellationToken)
    {
        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucketName, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }

        try
        {
            var stat = new FileStat(path, response.ContentLength, S3Versions.ContentTypeOf(response.Headers.ContentType),
                S3Versions.Text(response.ETag), S3Versions.LastModifiedOf(response.LastModified));
            if (stat.ContentLength > InMemoryLimit)
            {
                return new StoredFile(stat, new S3ReadStream(s3, bucketName, key, response, stat.ContentLength));
            }

            var content = new MemoryStream((int)stat.ContentLength);
            await response.ResponseStream.CopyToAsync(content, cancellationToken);
            response.Dispose();
            content.Position = 0;
            return content.Length == stat.ContentLength
                ? new StoredFile(stat, content)
                : throw new IOException($"S3 sent {content.Length} of {stat.ContentLength} bytes of {key}.");
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
