using System.Net.Http.Headers;
using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>The hub's requests as clients send them; paths are given as they go on the wire (already encoded).</summary>
internal static class HubRequests
{
    public const string Owner = TestKeys.Address0;

    public static HttpRequestMessage HubInfo() => Build(HttpMethod.Get, "/hub_info", null, null);

    public static HttpRequestMessage Get(string target) => Build(HttpMethod.Get, target, null, null);

    public static HttpRequestMessage Store(string path, byte[] bytes, string? authorization, string address = Owner)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return Build(HttpMethod.Post, $"/store/{address}/{path}", authorization, content);
    }

    public static HttpRequestMessage Read(string path, string address = Owner) => Build(HttpMethod.Get, $"/read/{address}/{path}", null, null);

    public static HttpRequestMessage Head(string path, string address = Owner) => Build(HttpMethod.Head, $"/read/{address}/{path}", null, null);

    public static HttpRequestMessage Delete(string path, string? authorization, string address = Owner) =>
        Build(HttpMethod.Delete, $"/delete/{address}/{path}", authorization, null);

    public static HttpRequestMessage ListFiles(string? json, string? authorization, string address = Owner) =>
        Build(HttpMethod.Post, $"/list-files/{address}", authorization, Json(json));

    public static HttpRequestMessage RevokeAll(string? json, string? authorization, string address = Owner) =>
        Build(HttpMethod.Post, $"/revoke-all/{address}", authorization, Json(json));

    public static HttpRequestMessage Preflight(string target) => Build(HttpMethod.Options, target, null, null)
        .With("Origin", "http://app.test")
        .With("Access-Control-Request-Method", "POST");

    public static string RevokeBody(long oldestValidTimestamp) => $"{{\"oldestValidTimestamp\":{oldestValidTimestamp}}}";

    public static HttpRequestMessage As(this HttpRequestMessage request, HttpMethod method)
    {
        request.Method = method;
        return request;
    }

    public static HttpRequestMessage With(this HttpRequestMessage request, string name, string value)
    {
        Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"could not add header {name}");
        return request;
    }

    private static ByteArrayContent? Json(string? json)
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
