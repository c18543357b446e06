using System.Diagnostics;
using System.Runtime.CompilerServices;
using Gaia.Hub.Hub;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Telemetry;

/// <summary>
/// The first middleware of both hosts (added by <see cref="RequestTelemetryStartupFilter"/>): counts the request and
/// response bytes, then logs one <see cref="RequestLog"/> line and records <c>gaia.hub.requests</c> (and the bytes
/// stored or read) once the response is complete, with the route template, never the raw path or any header.
/// </summary>
internal sealed class RequestTelemetryMiddleware(RequestDelegate next, HubTelemetry telemetry, ILoggerFactory loggers)
{
    private const string Unmatched = "(none)";
    private static readonly string[] BucketRoutes = ["/store/", "/delete/", "/list-files/", "/revoke-all/", "/read/"];

    /// <summary>Each endpoint's template as logged, made once per endpoint rather than once per request.</summary>
    private static readonly ConditionalWeakTable<RouteEndpoint, string> Templates = new();
    private readonly ILogger logger = loggers.CreateLogger(RequestLog.Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var (request, response) = (context.Request, context.Response);
        var (body, output) = (request.Body, response.Body);
        var counted = (In: new CountingStream(body), Out: new CountingStream(output));
        (request.Body, response.Body) = (counted.In, counted.Out);
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            (request.Body, response.Body) = (body, output);
            Complete(context, failed ? StatusCodes.Status500InternalServerError : response.StatusCode,
                Stopwatch.GetElapsedTime(started), counted.In.Count, counted.Out.Count);
        }
    }

    private void Complete(HttpContext context, int status, TimeSpan elapsed, long bytesIn, long bytesOut)
    {
        var method = context.Request.Method;
        var route = RouteOf(context);
        telemetry.RecordRequest(route, method, status);
        if (status == StatusCodes.Status202Accepted && route.StartsWith("/store/", StringComparison.Ordinal))
        {
            telemetry.RecordBytesStored(bytesIn);
        }
        else if (status is StatusCodes.Status200OK or StatusCodes.Status206PartialContent && route.StartsWith("/read/", StringComparison.Ordinal))
        {
            telemetry.RecordBytesRead(bytesOut);
        }

        var bucket = BucketOf(route, context.Request.Path.Value);
        var activity = Activity.Current;
        if (bucket is not null && activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gaia.bucket", bucket);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var traceId = activity?.TraceId.ToHexString() ?? "-";
            RequestLog.Request(logger, method, route, status, elapsed.TotalMilliseconds, bytesIn, bytesOut, bucket ?? "-", traceId);
        }
    }

    /// <summary>The matched route template, the same in both hosts: <c>/store/{*rest}</c>.</summary>
    internal static string RouteOf(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: not null } endpoint)
        {
            return Unmatched;
        }

        return Templates.GetValue(endpoint, static e =>
        {
            var template = e.RoutePattern.RawText!.Replace("{**", "{*", StringComparison.Ordinal);
            return template.StartsWith('/') ? template : "/" + template;
        });
    }

    /// <summary>The bucket address of a hub route's path (<c>/store/{address}/…</c>), or null.</summary>
    internal static string? BucketOf(string route, string? path)
    {
        if (path is null || !IsBucketRoute(route))
        {
            return null;
        }

        var segments = path.AsSpan(1);
        var start = segments.IndexOf('/');
        if (start < 0)
        {
            return null;
        }

        var rest = segments[(start + 1)..];
        var end = rest.IndexOf('/');
        var bucket = end < 0 ? rest : rest[..end];
        if (bucket.EndsWith("-auth", StringComparison.Ordinal))
        {
            bucket = bucket[..^5];
        }

        return GaiaPath.IsAddress(bucket) ? bucket.ToString() : null;
    }

    private static bool IsBucketRoute(string route)
    {
        foreach (var prefix in BucketRoutes)
        {
            if (route.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
