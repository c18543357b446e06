using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Gaia.Hub.Errors;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// Lists a bucket's blobs (names under <c>{address}/</c>, in ordinal order) one page at a time. The service may answer
/// with fewer items than asked for, so this keeps asking until the page is full or the listing ends; the page token is
/// the service's continuation token, and null at the end.
/// </summary>
internal static class AzureBlobLister
{
    public static async Task<ListPage> ListAsync(
        BlobContainerClient container, string bucketPrefix, ListRequest request, CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Prefix = bucketPrefix + request.Prefix };
        var entries = new List<ListEntry>(Math.Min(request.PageSize, 1024));
        var token = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken;
        try
        {
            do
            {
                await foreach (var page in container.GetBlobsAsync(options, cancellationToken).AsPages(token, request.PageSize - entries.Count))
                {
                    entries.AddRange(page.Values.Select(item => EntryOf(item, bucketPrefix.Length, request.IncludeStat)));
                    token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                    break;
                }
            }
            while (token is not null && entries.Count < request.PageSize);
        }
        catch (RequestFailedException e) when (request.PageToken is not null && AzureBlobErrors.IsBadContinuation(e))
        {
            throw GaiaException.InvalidInput("Invalid page token.");
        }

        return new ListPage(entries, token);
    }

    private static ListEntry EntryOf(BlobItem item, int prefixLength, bool includeStat)
    {
        var name = item.Name[prefixLength..];
        if (!includeStat)
        {
            return new ListEntry(name, null);
        }

        var p = item.Properties;
        var stat = new FileStat(name, p.ContentLength ?? 0, p.ContentType ?? "application/octet-stream",
            AzureETags.Text(p.ETag ?? default), p.LastModified ?? default);
        return new ListEntry(name, stat);
    }
}
