using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Gaia.Hub.Errors;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>Blob versions: the current one, the conditions that pin a commit to one, and server-side copies of one.</summary>
internal static class AzureBlobVersions
{
    private static readonly TimeSpan CopyPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The storage-side conditions of one commit attempt, which storage checks atomically with the commit. Where the
    /// write must see the file's current version (<c>If-Match: *</c>, or an archival copy) the commit is pinned to the
    /// version seen, and an archival copy of exactly that version is made server-side first; so no version is replaced
    /// without having been archived, and an upload that fails before this point loses nothing.
    /// </summary>
    public static async Task<BlobRequestConditions?> ConditionsForAsync(
        BlockBlobClient blob, BlockBlobClient? archive, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (condition.IfNoneMatchAny || (condition.IsNone && archive is null))
        {
            return condition.IfNoneMatchAny ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null;
        }

        var version = condition.IfMatch is { } expected and not "*"
            ? AzureETags.Quoted(expected)
            : (await PropertiesAsync(blob, cancellationToken))?.ETag;
        if (version is not { } pinned)
        {
            return condition.IsNone
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : throw GaiaException.PreconditionFailed("The file does not exist (If-Match).", null);
        }

        if (archive is not null)
        {
            await CopyAsync(blob, archive, pinned, cancellationToken);
        }

        return new BlobRequestConditions { IfMatch = pinned };
    }

    public static async Task CopyAsync(BlobBaseClient source, BlobBaseClient target, ETag version, CancellationToken cancellationToken)
    {
        var options = new BlobCopyFromUriOptions { SourceConditions = new BlobRequestConditions { IfMatch = version } };
        var copy = await target.StartCopyFromUriAsync(source.Uri, options, cancellationToken);
        await copy.WaitForCompletionAsync(CopyPollInterval, cancellationToken);
    }

    public static async Task<BlobProperties?> PropertiesAsync(BlobBaseClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (AzureBlobErrors.IsNotFound(e))
        {
            return null;
        }
    }
}
