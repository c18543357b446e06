using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>The HttpContext a server builds for a request: decoded path, raw target, headers, body.</summary>
internal static class RequestContexts
{
    public static async Task<DefaultHttpContext> FromAsync(
        HttpRequestMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var uri = message.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : new Uri(new Uri(HubSettings.PublicUrl), message.RequestUri!);
        var http = new DefaultHttpContext { RequestServices = services };
        var request = http.Request;
        request.Method = message.Method.Method;
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Authority);
        request.Path = PathString.FromUriComponent(uri);
        request.QueryString = QueryString.FromUriComponent(uri);
        http.Features.Get<IHttpRequestFeature>()!.RawTarget = uri.PathAndQuery;
        foreach (var (name, values) in message.Headers)
        {
            request.Headers[name] = values.ToArray();
        }

        if (message.Content is { } content)
        {
            foreach (var (name, values) in content.Headers)
            {
                request.Headers[name] = values.ToArray();
            }

            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }

        http.Response.Body = new MemoryStream();
        return http;
    }
}
