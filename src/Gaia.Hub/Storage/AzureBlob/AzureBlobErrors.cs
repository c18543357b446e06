using Azure;
using Azure.Storage.Blobs.Models;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>The storage failures that are ordinary outcomes; everything else propagates to the 500 handler.</summary>
internal static class AzureBlobErrors
{
    /// <summary>The blob does not exist (a HEAD answer carries its code in a header, or none at all).</summary>
    public static bool IsNotFound(RequestFailedException e) =>
        e.Status == 404 && (e.ErrorCode is null || e.ErrorCode == BlobErrorCode.BlobNotFound);

    /// <summary>
    /// The blob is not at the version a condition named: <c>ConditionNotMet</c> (412), <c>BlobAlreadyExists</c> (Azurite
    /// answers <c>If-None-Match: *</c> on an existing blob with 409), or a copy source that changed or disappeared.
    /// </summary>
    public static bool IsVersionMismatch(RequestFailedException e) =>
        e.Status == 412
        || e.ErrorCode == BlobErrorCode.BlobAlreadyExists
        || (e.Status == 404 && (e.ErrorCode == BlobErrorCode.BlobNotFound || e.ErrorCode == BlobErrorCode.CannotVerifyCopySource));

    /// <summary>Another upload to the same blob was committed first, which discarded this upload's staged blocks.</summary>
    public static bool IsLostBlockList(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.InvalidBlockList || e.ErrorCode == BlobErrorCode.InvalidBlobOrBlock;

    /// <summary>A continuation token the service could not read.</summary>
    public static bool IsBadContinuation(RequestFailedException e) => e.Status == 400;
}
