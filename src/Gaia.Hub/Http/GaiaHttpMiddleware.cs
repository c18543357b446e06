using Gaia.Hub.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Http;

/// <summary>
/// Runs before routing: CORS on every response, OPTIONS preflight on any path, file routes matched on the raw
/// (undecoded, unnormalised) path, and every failure written as <c>{message, error}</c> JSON by one mapping.
/// </summary>
internal sealed class GaiaHttpMiddleware(RequestDelegate next, ILogger<GaiaHttpMiddleware> logger)
{
    private static readonly string[] RawPrefixes = ["/store/", "/delete/", "/read/"];

    public async Task InvokeAsync(HttpContext context)
    {
        Cors.AddTo(context.Response);
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            Cors.AnswerPreflight(context.Response);
            return;
        }

        UseRawPath(context);
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            await WriteErrorAsync(context, e);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null)
        {
            var error = response.StatusCode == StatusCodes.Status404NotFound
                ? HubEndpoints.NotFound(context)
                : new GaiaException(GaiaError.InvalidInputError, $"{context.Request.Method} is not allowed on {context.Request.Path}");
            await WriteAsync(response, response.StatusCode, new ErrorBody(error.Message, error.Error.ToString()));
        }
    }

    /// <summary>Kestrel decodes and removes dot segments before routing; the protocol needs the path as sent.</summary>
    private static void UseRawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return;
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

    private async Task WriteErrorAsync(HttpContext context, Exception exception)
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

    private static async Task WriteAsync(HttpResponse response, int status, ErrorBody body)
    {
        response.StatusCode = status;
        response.ContentLength = null;
        await response.WriteAsJsonAsync(body, GaiaJson.Relaxed.ErrorBody, "application/json");
    }
}
