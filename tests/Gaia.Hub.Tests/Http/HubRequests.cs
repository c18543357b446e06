using System.Net.Http.Headers;
using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>The hub's requests as @stacks/storage sends them; the bucket is key 0's unless another address is given.</summary>
internal static class HubRequests
{
    public const string Owner = TestKeys.Address0;

    /// <summary>A valid v1 token for <see cref="Owner"/>, without exp or iat (like @stacks/storage).</summary>
    public static string OwnerToken() => TestTokens.Bearer(TestKeys.Key0);

    public static HttpRequestMessage Store(
        string path, byte[] bytes, string? authorization, string? contentType = "application/octet-stream", string address = Owner)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Store(path, content, authorization, address);
    }

    public static HttpRequestMessage Store(string path, HttpContent content, string? authorization, string address = Owner) =>
        Build(HttpMethod.Post, $"/store/{address}/{Escape(path)}", authorization, content);

    public static HttpRequestMessage Delete(string path, string? authorization, string address = Owner) =>
        Build(HttpMethod.Delete, $"/delete/{address}/{Escape(path)}", authorization, null);

    /// <param name="json">The raw body, sent as application/json; null sends no body.</param>
    public static HttpRequestMessage ListFiles(string? json, string? authorization, string address = Owner) =>
        Build(HttpMethod.Post, $"/list-files/{address}", authorization, JsonContent(json));

    public static HttpRequestMessage RevokeAll(string? json, string? authorization, string address = Owner) =>
        Build(HttpMethod.Post, $"/revoke-all/{address}", authorization, JsonContent(json));

    /// <summary>A file name as it appears in a URL: each segment percent-encoded, slashes kept.</summary>
    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"could not add header {name}");
        return request;
    }

    private static ByteArrayContent? JsonContent(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpRequestMessage Build(HttpMethod method, string target, string? authorization, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative)) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
