using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>
/// Files as objects <c>{address}/{path}</c> in one S3 bucket (AWS, R2, MinIO, Spaces, B2 …). An upload is read from
/// the request stream part by part and committed last (one PutObject, or the completion of a multipart upload that is
/// aborted on any failure), so an oversize, aborted or losing upload changes nothing. Write conditions are checked
/// here and sent along as <c>If-Match</c> / <c>If-None-Match: *</c> (see <see cref="S3Versions.ConditionsForAsync"/>).
/// </summary>
public sealed class S3StorageDriver : IStorageDriver
{
    private const int MaxAttempts = 5;
    private readonly IAmazonS3 s3;
    private readonly string cacheControl;
    private readonly int partSize;

    public S3StorageDriver(IAmazonS3 s3, IOptions<S3StorageOptions> options, IOptions<GaiaHubOptions> hub)
    {
        this.s3 = s3;
        BucketName = options.Value.Bucket ?? throw new ArgumentException("Gaia:S3:Bucket is not set.", nameof(options));
        cacheControl = hub.Value.CacheControl;
        partSize = options.Value.PartSizeBytes;
    }

    public string BucketName { get; }

    public async Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default)
    {
        var key = S3Keys.KeyOf(request.Bucket, request.Path);
        var archiveKey = request.ArchivePath is null ? null : S3Keys.KeyOf(request.Bucket, request.ArchivePath);
        var condition = request.Condition;
        var pinnedHere = condition.IfMatch == "*" || (archiveKey is not null && condition.IsNone);
        await using var upload = new S3Upload(s3, BucketName, key, request.ContentType, cacheControl, partSize);
        await upload.ReadAsync(request.Content, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (ifMatch, ifNoneMatch) = await S3Versions.ConditionsForAsync(s3, BucketName, key, request.Path, archiveKey, condition, cancellationToken);
                return S3Versions.Text(await upload.CommitAsync(ifMatch, ifNoneMatch, cancellationToken));
            }
            catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e) && !pinnedHere)
            {
                var current = await S3Versions.StatAsync(s3, BucketName, key, request.Path, cancellationToken);
                condition.EnsureSatisfiedBy(current);
                throw GaiaException.PreconditionFailed("The file changed while it was being written.", current?.ETag);
            }
            catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e) && attempt == MaxAttempts)
            {
                throw GaiaException.Conflict($"The file kept changing while it was being written: {request.Path}");
            }
            catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e))
            {
                // Another instance replaced the version this write was pinned to: look again.
            }
        }
    }

    public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        S3Reader.OpenAsync(s3, BucketName, S3Keys.KeyOf(bucket, path), path, cancellationToken);

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        S3Versions.StatAsync(s3, BucketName, S3Keys.KeyOf(bucket, path), path, cancellationToken);

    /// <summary>S3 deletes answer alike whether or not the object existed, so a HEAD tells which it was.</summary>
    public async Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var key = S3Keys.KeyOf(bucket, path);
        if (await S3Versions.StatAsync(s3, BucketName, key, path, cancellationToken) is null)
        {
            return false;
        }

        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = BucketName, Key = key }, cancellationToken);
        return true;
    }

    /// <summary>A server-side copy of the version seen, then a delete of that same version (<c>If-Match</c>), retried when it changed.</summary>
    public async Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default)
    {
        var (source, target) = (S3Keys.KeyOf(bucket, path), S3Keys.KeyOf(bucket, newPath));
        for (var attempt = 1; ; attempt++)
        {
            if (await S3Versions.StatAsync(s3, BucketName, source, path, cancellationToken) is not { } current)
            {
                return false;
            }

            if (path == newPath)
            {
                return true;
            }

            try
            {
                var version = S3Versions.Quoted(current.ETag);
                await S3Versions.CopyAsync(s3, BucketName, source, target, version, cancellationToken);
                await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = BucketName, Key = source, IfMatch = version }, cancellationToken);
                return true;
            }
            catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e))
            {
                if (attempt == MaxAttempts)
                {
                    throw GaiaException.Conflict($"The file kept changing while it was being moved: {path}");
                }
            }
        }
    }

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) =>
        S3Lister.ListAsync(s3, BucketName, S3Keys.BucketPrefixOf(request.Bucket), request, cancellationToken);
}
