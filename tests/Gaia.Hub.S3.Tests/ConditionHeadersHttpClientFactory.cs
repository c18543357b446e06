using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// The S3 client's HTTP: records the conditional headers of every write request (<c>If-Match</c>, <c>If-None-Match</c>,
/// <c>x-amz-copy-source-if-match</c>), and with <c>drop</c> removes them before they leave, which makes the test server
/// stand in for an S3-compatible service that does not enforce conditional writes (as s3rver does not).
/// </summary>
public sealed class ConditionHeadersHttpClientFactory(bool drop) : HttpClientFactory
{
    private static readonly string[] Conditions = ["If-Match", "If-None-Match", "x-amz-copy-source-if-match"];

    public bool Drop { get; } = drop;

    /// <summary>One line per conditional header sent on a write, e.g. <c>PUT /bucket/key If-None-Match: *</c>.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

    private sealed class Handler(ConditionHeadersHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            {
                foreach (var name in Conditions.Where(name => request.Headers.Contains(name)))
                {
                    owner.Seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {name}: {string.Join(",", request.Headers.GetValues(name))}");
                    if (owner.Drop)
                    {
                        request.Headers.Remove(name);
                    }
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
