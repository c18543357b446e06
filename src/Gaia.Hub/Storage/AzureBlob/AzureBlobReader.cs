using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// Opens one version of a blob for reading. The first request fetches the metadata and the first 4 MiB together, so
/// a typical file is read whole in a single request and served from memory. A larger one continues as the SDK's
/// seekable read stream pinned to the same ETag: if the blob is replaced during the read, the read fails instead of
/// mixing two versions.
/// </summary>
internal static class AzureBlobReader
{
    public const int FirstBlockSize = 4 * 1024 * 1024;

    /// <summary>Throws <see cref="RequestFailedException"/> (404 when missing); the caller retries a version that changed.</summary>
    public static async Task<StoredFile> OpenAsync(BlobBaseClient blob, string path, CancellationToken cancellationToken)
    {
        using var first = (await DownloadFirstBlockAsync(blob, cancellationToken)).Value;
        var details = first.Details;
        var length = LengthOf(details);
        var stat = new FileStat(path, length, details.ContentType ?? "application/octet-stream", AzureETags.Text(details.ETag), details.LastModified);
        if (length <= FirstBlockSize)
        {
            var content = new MemoryStream((int)length);
            await first.Content.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            return new StoredFile(stat, content);
        }

        var options = new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = details.ETag } };
        return new StoredFile(stat, await blob.OpenReadAsync(options, cancellationToken));
    }

    private static async Task<Response<BlobDownloadStreamingResult>> DownloadFirstBlockAsync(BlobBaseClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(0, FirstBlockSize) }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            // An empty blob has no byte 0 to ask for.
            return await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>The whole blob's length: after the slash of <c>Content-Range: bytes 0-4194303/10485760</c>, or the body's length.</summary>
    private static long LengthOf(BlobDownloadDetails details)
    {
        var range = details.ContentRange;
        var slash = range?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : details.ContentLength;
    }
}
