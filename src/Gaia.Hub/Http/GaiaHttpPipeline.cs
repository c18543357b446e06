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
    /// <summary>The longest request target the hub reads: 8 KiB, Kestrel's default request line.</summary>
    public const int MaxRequestTargetLength = 8 * 1024;

    /// <summary>The largest header block the hub reads: 32 KiB, Kestrel's default.</summary>
    public const int MaxRequestHeadersLength = 32 * 1024;

    private static readonly string[] RawPrefixes = ["/store/", "/delete/", "/read/"];

    /// <summary>The CORS headers every response carries, errors included.</summary>
    public static void AddCors(HttpResponse response) => Cors.AddTo(response);

    /// <summary>Answers a CORS preflight: 204 with the allowed methods and headers.</summary>
    public static void AnswerPreflight(HttpResponse response) => Cors.AnswerPreflight(response);

    /// <summary>
    /// What every request gets before routing: CORS headers, the raw path for file routes, a request body whose
    /// malformed framing answers 400 (<see cref="ClientBodyStream"/>), and no body on HEAD responses whatever the host
    /// (Kestrel drops it itself; in-process and proxying hosts may not).
    /// </summary>
    public static void BeginRequest(HttpContext context)
    {
        AddCors(context.Response);
        UseRawPath(context);
        context.Request.Body = new ClientBodyStream(context.Request.Body, context.RequestAborted);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Body = Stream.Null;
        }
    }

    /// <summary>
    /// Refuses a request target or header block larger than the hub reads, with 414 or 431 as JSON. The server's own
    /// limits sit above these (twice as large on Kestrel), so only requests past those get the server's bare answer.
    /// </summary>
    public static void EnsureWithinLimits(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (target.Length > MaxRequestTargetLength)
        {
            throw new GaiaException(GaiaError.UriTooLongError, $"The request target is longer than {MaxRequestTargetLength} characters.");
        }

        var size = 0L;
        foreach (var (name, values) in context.Request.Headers)
        {
            size += name.Length + 4;
            foreach (var value in values)
            {
                size += value?.Length ?? 0;
            }
        }

        if (size > MaxRequestHeadersLength)
        {
            throw new GaiaException(GaiaError.HeadersTooLargeError, $"The request headers are larger than {MaxRequestHeadersLength} bytes.");
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

        if (GaiaErrorMapping.RetryAfterSecondsOf(exception) is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
