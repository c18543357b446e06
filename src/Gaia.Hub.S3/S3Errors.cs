using System.Net;
using Amazon.S3;

namespace Gaia.Hub.S3;

/// <summary>The S3 failures that are ordinary outcomes; everything else propagates to the 500 handler.</summary>
internal static class S3Errors
{
    /// <summary>The object does not exist (a HEAD answer has no error code at all).</summary>
    public static bool IsNotFound(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is null or "" or "NoSuchKey" or "NotFound";

    /// <summary>
    /// The object is not at the version a condition named: 412 <c>PreconditionFailed</c>, 409
    /// <c>ConditionalRequestConflict</c> (another conditional write to the key was in flight), or 404 <c>NoSuchKey</c>
    /// (If-Match on an object that is gone, or a copy source that is gone).
    /// </summary>
    public static bool IsVersionMismatch(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.PreconditionFailed
        || e.ErrorCode == "ConditionalRequestConflict"
        || IsNotFound(e);

    public static bool IsNoSuchBucket(AmazonS3Exception e) => e.ErrorCode == "NoSuchBucket";
}
