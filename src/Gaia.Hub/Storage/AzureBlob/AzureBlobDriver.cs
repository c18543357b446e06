using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// Files as block blobs <c>{address}/{path}</c> in one private container. Write conditions travel to storage as
/// <see cref="BlobRequestConditions"/>, so they hold across any number of hub instances. An upload is staged from the
/// request stream and committed last; an archival copy is made server-side just before that commit and pinned to the
/// version it copied. So an oversize, aborted or losing upload changes nothing.
/// </summary>
public sealed class AzureBlobDriver : IStorageDriver
{
    private const int MaxAttempts = 5;
    private const int MaxBlobNameLength = 1024;
    private readonly string cacheControl;
    private readonly int blockSize;

    public AzureBlobDriver(BlobServiceClient service, IOptions<AzureStorageOptions> azure, IOptions<GaiaHubOptions> hub)
    {
        Container = service.GetBlobContainerClient(azure.Value.ContainerName);
        cacheControl = hub.Value.CacheControl;
        blockSize = azure.Value.UploadBlockSizeBytes;
    }

    public BlobContainerClient Container { get; }

    /// <summary>Creates the container, without anonymous access (reads go through the hub), unless it exists.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    public async Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(request.Bucket, request.Path);
        var archive = request.ArchivePath is null ? null : BlobOf(request.Bucket, request.ArchivePath);
        var condition = request.Condition;
        var pinnedHere = condition.IfMatch == "*" || (archive is not null && condition.IsNone);
        var headers = new BlobHttpHeaders { ContentType = request.ContentType, CacheControl = cacheControl };
        using var upload = await AzureBlobUpload.ReadAsync(blob, request.Content, blockSize, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var conditions = await AzureBlobVersions.ConditionsForAsync(blob, archive, condition, cancellationToken);
                return AzureETags.Text((await upload.CommitAsync(blob, headers, conditions, cancellationToken)).ETag);
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsVersionMismatch(e) && !pinnedHere)
            {
                var current = await StatOfAsync(blob, request.Path, cancellationToken);
                condition.EnsureSatisfiedBy(current);
                throw GaiaException.PreconditionFailed("The file changed while it was being written.", current?.ETag);
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsVersionMismatch(e) && attempt == MaxAttempts)
            {
                throw GaiaException.Conflict($"The file kept changing while it was being written: {request.Path}");
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsVersionMismatch(e))
            {
                // Another instance replaced the version this write was pinned to: look again.
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsLostBlockList(e))
            {
                throw GaiaException.Conflict($"Another upload of the same file finished first: {request.Path}");
            }
        }
    }

    public async Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default)
    {
        var blob = BlobOf(bucket, path);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AzureBlobReader.OpenAsync(blob, path, cancellationToken);
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsNotFound(e))
            {
                return null;
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsVersionMismatch(e) && attempt < MaxAttempts)
            {
                // Replaced between the first request and the stream's own: open the new version instead.
            }
        }
    }

    public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        StatOfAsync(BlobOf(bucket, path), path, cancellationToken);

    public async Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default) =>
        await BlobOf(bucket, path).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default)
    {
        var (source, target) = (BlobOf(bucket, path), BlobOf(bucket, newPath));
        for (var attempt = 1; ; attempt++)
        {
            if (await AzureBlobVersions.PropertiesAsync(source, cancellationToken) is not { } properties)
            {
                return false;
            }

            if (path == newPath)
            {
                return true;
            }

            try
            {
                await AzureBlobVersions.CopyAsync(source, target, properties.ETag, cancellationToken);
                var sameVersion = new BlobRequestConditions { IfMatch = properties.ETag };
                await source.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, sameVersion, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (AzureBlobErrors.IsVersionMismatch(e))
            {
                if (attempt == MaxAttempts)
                {
                    throw GaiaException.Conflict($"The file kept changing while it was being moved: {path}");
                }
            }
        }
    }

    public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) =>
        AzureBlobLister.ListAsync(Container, BucketPrefixOf(request.Bucket), request, cancellationToken);

    private static async Task<FileStat?> StatOfAsync(BlobBaseClient blob, string path, CancellationToken cancellationToken) =>
        await AzureBlobVersions.PropertiesAsync(blob, cancellationToken) is { } properties ? StatOf(path, properties) : null;

    private static FileStat StatOf(string path, BlobProperties p) =>
        new(path, p.ContentLength, p.ContentType ?? "application/octet-stream", AzureETags.Text(p.ETag), p.LastModified);

    private BlockBlobClient BlobOf(string bucket, string path)
    {
        var prefix = BucketPrefixOf(bucket);
        GaiaPath.EnsureValid(path);
        if (prefix.Length + path.Length > MaxBlobNameLength)
        {
            throw GaiaException.BadPath($"Invalid path: Azure blob names are limited to {MaxBlobNameLength} characters.");
        }

        if (path.Split('/').Contains("."))
        {
            throw GaiaException.BadPath("Invalid path: it contains a '.' segment.");
        }

        return Container.GetBlockBlobClient(prefix + path);
    }

    private static string BucketPrefixOf(string bucket) =>
        GaiaPath.IsAddress(bucket) ? bucket + "/" : throw GaiaException.BadPath("Invalid bucket name.");
}
