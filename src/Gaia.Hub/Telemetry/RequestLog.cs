using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Telemetry;

/// <summary>The one line logged per request (category <see cref="Category"/>). Never a header, a token or a key.</summary>
internal static partial class RequestLog
{
    public const string Category = "Gaia.Hub.Requests";

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Route} {StatusCode} in {ElapsedMilliseconds:0.0} ms, {BytesIn} bytes in, {BytesOut} bytes out, bucket {Bucket}, trace {TraceId}")]
    public static partial void Request(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds,
        long bytesIn, long bytesOut, string bucket, string traceId);
}
