using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>What a client sees of a response: status, content type, the CORS origin header and the body.</summary>
internal sealed partial record HubResponse(int Status, string? ContentType, string? AllowOrigin, string Body)
{
    /// <summary>The same response with each JSON <c>"etag"</c> value replaced by <c>"…"</c>.</summary>
    public HubResponse WithoutETagValues() => this with { Body = ETagValue().Replace(Body, "\"etag\":\"…\"") };

    public static async Task<HubResponse> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken) => new(
        (int)response.StatusCode,
        response.Content.Headers.TryGetValues("Content-Type", out var type) ? string.Join(",", type) : null,
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin) ? string.Join(",", origin) : null,
        await response.Content.ReadAsStringAsync(cancellationToken));

    public static HubResponse From(HttpResponse response, MemoryStream body) => new(
        response.StatusCode,
        response.ContentType,
        response.Headers.AccessControlAllowOrigin.Count > 0 ? response.Headers.AccessControlAllowOrigin.ToString() : null,
        Encoding.UTF8.GetString(body.ToArray()));

    [GeneratedRegex("\"etag\":\"[^\"]*\"")]
    private static partial Regex ETagValue();
}
