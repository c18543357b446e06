using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gaia.Hub.Health;

/// <summary>
/// Liveness (<c>/healthz</c>: the process answers) and readiness (<c>/healthz/ready</c>: storage answers too, 503
/// when it does not), as JSON, for both hosts.
/// </summary>
public static class HealthEndpoints
{
    public static IResult Live(HttpContext context) =>
        Answer(context, new HealthBody("healthy", null), StatusCodes.Status200OK);

    public static async Task<IResult> ReadyAsync(HttpContext context, ReadinessProbe probe)
    {
        var report = await probe.CheckAsync().WaitAsync(context.RequestAborted);
        var checks = report.Entries.Select(entry => new CheckBody(entry.Key, StatusText(entry.Value.Status),
            entry.Value.Description ?? entry.Value.Exception?.GetType().Name, Math.Round(entry.Value.Duration.TotalMilliseconds, 1)));
        var ready = report.Status != HealthStatus.Unhealthy;
        return Answer(context, new HealthBody(StatusText(report.Status), [.. checks]),
            ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<HealthBody> Answer(HttpContext context, HealthBody body, int status)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(body, HealthJson.Default.HealthBody, "application/json", status);
    }

    private static string StatusText(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

internal sealed record HealthBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("checks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CheckBody>? Checks);

internal sealed record CheckBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("duration_ms")] double DurationMilliseconds);

[JsonSerializable(typeof(HealthBody))]
internal sealed partial class HealthJson : JsonSerializerContext;
