using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>What a client sees of a response: status, content type, the CORS origin header and the body.</summary>
internal sealed record HubResponse(int Status, string? ContentType, string? AllowOrigin, string Body)
{
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
}
