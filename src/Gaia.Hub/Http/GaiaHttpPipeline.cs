using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Http;

/// <summary>
/// The per-request steps that <see cref="GaiaHttpMiddleware"/> runs on Kestrel, public so that a host without that
/// middleware (the Functions worker) answers with the same CORS headers, request paths and <c>{message, error}</c> errors.
/// </summary>
public static class GaiaHttpPipeline
{
    private static readonly string[] RawPrefixes = ["/store/", "/delete/", "/read/"];

    /// <summary>The CORS headers every response carries, errors included.</summary>
    public static void AddCors(HttpResponse response) => Cors.AddTo(response);

    /// <summary>Answers a CORS preflight: 204 with the allowed methods and headers.</summary>
    public static void AnswerPreflight(HttpResponse response) => Cors.AnswerPreflight(response);

    /// <summary>
    /// What every request gets before routing: CORS headers, the raw path for file routes, and no body on HEAD
    /// responses whatever the host (Kestrel drops it itself; in-process and proxying hosts may not).
    /// </summary>
    public static void BeginRequest(HttpContext context)
    {
        AddCors(context.Response);
        UseRawPath(context);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Body = Stream.Null;
        }
    }

    /// <summary>
    /// Kestrel decodes and removes dot segments before routing; the protocol needs the path as sent. Where the host
    /// gives no raw target, the decoded path is escaped again, so it is still decoded exactly once.
    /// </summary>
    public static void UseRawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            raw = GaiaPath.Encode(context.Request.Path.Value ?? "");
        }

        if (raw[0] != '/' && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
        {
            raw = absolute.PathAndQuery;
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? raw : raw[..query];
        if (RawPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            context.Request.Path = new PathString(path);
        }
    }

    /// <summary>
    /// Writes <paramref name="exception"/> as the hub's JSON error through <see cref="GaiaErrorMapping"/>, or only logs it
    /// when the client went away or the response has started.
    /// </summary>
    public static async Task WriteErrorAsync(HttpContext context, Exception exception, ILogger logger)
    {
        var (request, response) = (context.Request, context.Response);
        var mapped = GaiaErrorMapping.Map(exception, context.RequestAborted.IsCancellationRequested);
        if (mapped is not { } error || response.HasStarted)
        {
            HubLog.RequestAborted(logger, request.Method, request.Path.Value ?? "", exception.Message);
            return;
        }

        if (error.Status >= 500)
        {
            HubLog.UnhandledError(logger, exception, request.Method, request.Path.Value ?? "");
        }

        foreach (var header in new[] { "ETag", "Last-Modified", "Accept-Ranges", "Content-Disposition" })
        {
            response.Headers.Remove(header);
        }

        await WriteAsync(response, error.Status, error.Body);
    }

    internal static async Task WriteAsync(HttpResponse response, int status, ErrorBody body)
    {
        response.StatusCode = status;
        response.ContentLength = null;
        await response.WriteAsJsonAsync(body, GaiaJson.Relaxed.ErrorBody, "application/json");
    }
}
