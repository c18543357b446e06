using System.Diagnostics;
using Gaia.Hub.FunctionsHost.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// Runs one HTTP invocation as the Functions host does with a worker that proxies HTTP (the ASP.NET Core integration):
/// an InvocationRequest for a new invocation id, and the request itself forwarded to the worker's HttpUri with that id
/// in <c>x-ms-invocation-id</c> and the client's host, scheme and address in X-Forwarded-*. Bodies are streamed both
/// ways, never held whole: the request body is the client's stream, the response is copied as it arrives.
/// </summary>
internal sealed class HttpForwarder(WorkerChannel channel, Uri workerUri, Action<string> log) : IDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    /// <summary>How long an invocation may take (Azure's HTTP limit is 230 s).</summary>
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(230);

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Proxy-Authorization",
        "Expect", "Host", InvocationIdHeader, "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
    };

    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task ForwardAsync(HttpContext context, HttpFunction function)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(InvocationTimeout);
        var invocationId = Guid.NewGuid().ToString();
        var invocation = channel.CallAsync(new StreamingMessage { InvocationRequest = Invocation(context, function, invocationId) }, timeout.Token);
        try
        {
            using var request = ToWorker(context, invocationId);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await body.CopyToAsync(context.Response.Body, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            log($"[host] {function.Name} ({invocationId}): the worker's HTTP answer failed: {e.Message}");
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }

        try
        {
            var result = (await invocation).InvocationResponse.Result;
            if (result.Status != StatusResult.Types.Status.Success)
            {
                log($"[host] {function.Name} ({invocationId}) failed: {result.Exception?.Message}");
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            log($"[host] {function.Name} ({invocationId}): no invocation response ({e.Message})");
        }
    }

    public void Dispose() => client.Dispose();

    private static InvocationRequest Invocation(HttpContext context, HttpFunction function, string invocationId)
    {
        var http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetEncodedUrl() };
        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? NewTraceParent(), TraceState = "" },
        };
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Http = http } });
        return invocation;
    }

    private HttpRequestMessage ToWorker(HttpContext context, string invocationId)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var uri = new Uri(workerUri.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0 || context.Request.ContentLength == 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        request.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", context.Request.Host.Value);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", context.Request.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        return request;
    }

    private static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
}
