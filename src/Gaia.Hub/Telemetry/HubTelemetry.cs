using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gaia.Hub.Telemetry;

/// <summary>
/// The hub's own <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>, and the
/// instruments on that meter: requests by route and status, bytes stored and read, rate-limit refusals, and storage
/// driver call durations. (Token verifications are counted on the same meter by <c>TokenMetrics</c>.)
/// </summary>
public sealed class HubTelemetry
{
    public const string Name = "Gaia.Hub";

    /// <summary>Spans of storage driver calls, children of the request span.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly double[] DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> requests;
    private readonly Counter<long> bytesStored;
    private readonly Counter<long> bytesRead;
    private readonly Counter<long> rateLimitRefusals;
    private readonly Histogram<double> storageDuration;

    public HubTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        requests = meter.CreateCounter<long>("gaia.hub.requests", "{request}",
            "Requests answered by the hub, by route template, method and status code.");
        bytesStored = meter.CreateCounter<long>("gaia.hub.stored", "By", "Bytes of files stored (accepted uploads).");
        bytesRead = meter.CreateCounter<long>("gaia.hub.read", "By", "Bytes of files sent to readers.");
        rateLimitRefusals = meter.CreateCounter<long>("gaia.hub.rate_limit.refusals", "{request}",
            "Requests refused with 429 by the write rate limit, by route template.");
        storageDuration = meter.CreateHistogram("gaia.hub.storage.duration", "s",
            "Duration of storage driver calls, by driver, operation and error type.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>Counts one request the hub answered.</summary>
    public void RecordRequest(string route, string method, int statusCode)
    {
        if (!requests.Enabled)
        {
            return; // no listener: the status code is not boxed for nothing
        }

        requests.Add(1,
            new KeyValuePair<string, object?>("http.route", route),
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", statusCode));
    }

    public void RecordBytesStored(long bytes) => bytesStored.Add(bytes);

    public void RecordBytesRead(long bytes) => bytesRead.Add(bytes);

    /// <summary>Counts one request refused by the write rate limit (429).</summary>
    public void RecordRateLimitRefusal(string route) =>
        rateLimitRefusals.Add(1, new KeyValuePair<string, object?>("http.route", route));

    /// <summary>Counts one request refused by the write rate limit (429), tagged with its route template as the request log has it.</summary>
    public void RecordRateLimitRefusal(Microsoft.AspNetCore.Http.HttpContext context) =>
        RecordRateLimitRefusal(RequestTelemetryMiddleware.RouteOf(context));

    /// <param name="errorType">The exception type when the call failed, else null.</param>
    public void RecordStorageCall(string driver, string operation, string? errorType, TimeSpan elapsed)
    {
        if (!storageDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "gaia.storage.driver", driver }, { "gaia.storage.operation", operation } };
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        storageDuration.Record(elapsed.TotalSeconds, tags);
    }
}
