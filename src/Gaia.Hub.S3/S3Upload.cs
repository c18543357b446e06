using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Gaia.Hub.S3;

/// <summary>
/// An upload taken from the request stream one part at a time. A body that fits in one part stays in that buffer and
/// is sent as one PutObject at commit; a larger one becomes a multipart upload whose parts are sent as they are read
/// (never held whole in memory) and which is completed last. Nothing is visible before the commit, and disposing an
/// upload that was not committed (413, client gone, failed condition) aborts its multipart upload.
/// </summary>
internal sealed class S3Upload(IAmazonS3 s3, string bucketName, string key, string contentType, string cacheControl, int partSize) : IAsyncDisposable
{
    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(partSize);
    private readonly List<PartETag> parts = [];
    private int length;
    private string? uploadId;
    private bool committed;

    public bool IsMultipart => uploadId is not null;

    public async Task ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        length = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, false, cancellationToken);
        if (length < partSize)
        {
            return;
        }

        var start = new InitiateMultipartUploadRequest { BucketName = bucketName, Key = key, ContentType = contentType };
        start.Headers.CacheControl = cacheControl;
        uploadId = (await s3.InitiateMultipartUploadAsync(start, cancellationToken)).UploadId;
        while (length > 0)
        {
            using var part = new MemoryStream(buffer, 0, length, writable: false);
            var request = new UploadPartRequest
            {
                BucketName = bucketName, Key = key, UploadId = uploadId, PartNumber = parts.Count + 1, InputStream = part, UseChunkEncoding = false,
            };
            var response = await s3.UploadPartAsync(request, cancellationToken);
            parts.Add(new PartETag(parts.Count + 1, response.ETag));
            length = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, false, cancellationToken);
        }
    }

    /// <summary>Makes the upload the object's current version if the conditions hold at that moment; returns its ETag as S3 gives it.</summary>
    /// <param name="ifMatch">The quoted ETag the object must still have.</param>
    /// <param name="ifNoneMatch">The object must not exist.</param>
    public async Task<string> CommitAsync(string? ifMatch, bool ifNoneMatch, CancellationToken cancellationToken)
    {
        string etag;
        if (uploadId is null)
        {
            using var body = new MemoryStream(buffer, 0, length, writable: false);
            var put = new PutObjectRequest
            {
                BucketName = bucketName, Key = key, InputStream = body, ContentType = contentType, AutoCloseStream = false, UseChunkEncoding = false,
                IfMatch = ifMatch, IfNoneMatch = ifNoneMatch ? "*" : null,
            };
            put.Headers.CacheControl = cacheControl;
            etag = (await s3.PutObjectAsync(put, cancellationToken)).ETag;
        }
        else
        {
            var complete = new CompleteMultipartUploadRequest
            {
                BucketName = bucketName, Key = key, UploadId = uploadId, PartETags = parts, IfMatch = ifMatch, IfNoneMatch = ifNoneMatch ? "*" : null,
            };
            etag = (await s3.CompleteMultipartUploadAsync(complete, cancellationToken)).ETag;
        }

        committed = true;
        return etag;
    }

    public async ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        if (uploadId is not null && !committed)
        {
            await AbortAsync(uploadId);
        }
    }

    /// <summary>
    /// Aborts even when the request was cancelled (the client went away). If S3 cannot be reached either, the parts stay
    /// until the bucket's lifecycle rule (AbortIncompleteMultipartUpload, see README) removes them; never visible as a file.
    /// </summary>
    private async Task AbortAsync(string id)
    {
        try
        {
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucketName, Key = key, UploadId = id }, CancellationToken.None);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            // Completed after all (the answer was lost) or already gone.
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Keep the failure that ended the upload; this one is only the clean-up.
        }
    }
}
