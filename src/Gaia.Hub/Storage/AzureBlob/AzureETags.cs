using Azure;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// Azure ETags as the hub shows them (the blob's ETag without its quotes, e.g. <c>0x8DB…</c>) and back, so the store
/// response, the read <c>ETag</c> header and a client's <c>If-Match</c> are one string.
/// </summary>
internal static class AzureETags
{
    public static string Text(ETag etag) => ETags.Bare(etag.ToString()).ToString();

    /// <summary>A client's value (quoted or not, weak or not) as the strong, quoted ETag storage compares.</summary>
    public static ETag Quoted(string etag) => new($"\"{ETags.Bare(etag)}\"");
}
