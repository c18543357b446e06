using System.Globalization;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Health;
using Gaia.Hub.Hub;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Http;

/// <summary>
/// The Gaia routes. Each handler only parses the request, authenticates it, calls <see cref="HubService"/> and
/// shapes the answer; both hosts call these same methods.
/// </summary>
public static class HubEndpoints
{
    private const string RevocationBucketSuffix = "-auth";

    public static IEndpointRouteBuilder MapGaiaHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/hub_info", [HttpMethods.Get, HttpMethods.Head], HubInfo);
        endpoints.MapPost("/store/{**rest}", StoreAsync);
        endpoints.MapDelete("/delete/{**rest}", DeleteAsync);
        endpoints.MapPost("/list-files/{**rest}", ListFilesAsync);
        endpoints.MapPost("/revoke-all/{**rest}", RevokeAllAsync);
        endpoints.MapMethods("/read/{**rest}", [HttpMethods.Get, HttpMethods.Head], ReadAsync);
        endpoints.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], HealthEndpoints.Live);
        endpoints.MapMethods("/healthz/ready", [HttpMethods.Get, HttpMethods.Head], HealthEndpoints.ReadyAsync);
        return endpoints;
    }

    public static IResult HubInfo(HttpContext context, HubService hub) =>
        Json(hub.GetHubInfo(BaseUrlOf(context.Request, hub)), GaiaJson.Relaxed.HubInfo, StatusCodes.Status200OK);

    public static async Task<IResult> StoreAsync(HttpContext context, string? rest, HubService hub)
    {
        var caller = await GaiaRequestAuthorization.AuthorizeAsync(context, GaiaOperation.Store, rest);
        var path = GaiaRequestAuthorization.FileRoute(context, rest).Path;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var request = context.Request;
        var store = new StoreRequest(path, request.ContentType, request.ContentLength,
            Header(request, "If-Match"), Header(request, "If-None-Match"), request.Body);
        var result = await hub.StoreAsync(caller, store, hub.ReadUrlPrefix(BaseUrlOf(request, hub)), context.RequestAborted);
        return Json(result, GaiaJson.Relaxed.StoreResult, StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string? rest, HubService hub)
    {
        var caller = await GaiaRequestAuthorization.AuthorizeAsync(context, GaiaOperation.Delete, rest);
        await hub.DeleteAsync(caller, GaiaRequestAuthorization.FileRoute(context, rest).Path, context.RequestAborted);
        return TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ListFilesAsync(HttpContext context, string? rest, HubService hub)
    {
        var caller = await GaiaRequestAuthorization.AuthorizeAsync(context, GaiaOperation.ListFiles, rest);
        var request = JsonBody.ToListRequest(GaiaRequestAuthorization.BodyOf(context));
        var page = await hub.ListAsync(caller, request, context.RequestAborted);
        return request.Stat
            ? Json(new ListStatResponse([.. page.Entries.Select(e => e?.Stat is { } s ? StatEntryOf(s) : null)], page.Page),
                GaiaJson.Relaxed.ListStatResponse, StatusCodes.Status202Accepted)
            : Json(new ListNamesResponse([.. page.Entries.Select(e => e?.Name)], page.Page),
                GaiaJson.Relaxed.ListNamesResponse, StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> RevokeAllAsync(HttpContext context, string? rest, HubService hub)
    {
        var caller = await GaiaRequestAuthorization.AuthorizeAsync(context, GaiaOperation.RevokeAll, rest);
        var timestamp = JsonBody.ToOldestValidTimestamp(GaiaRequestAuthorization.BodyOf(context));
        await hub.RevokeAllAsync(caller, timestamp, context.RequestAborted);
        return Json(new StatusResponse("success"), GaiaJson.Relaxed.StatusResponse, StatusCodes.Status202Accepted);
    }

    public static async Task<IResult> ReadAsync(HttpContext context, string? rest, IStorageDriver driver, IOptions<GaiaHubOptions> options)
    {
        context.Response.Headers.CacheControl = options.Value.CacheControl;
        var route = GaiaPath.ParseRoute(rest, allowAuthBuckets: true) ?? throw NotFound(context);
        if (route.Address.EndsWith(RevocationBucketSuffix, StringComparison.Ordinal) && route.Path == "authTimestamp")
        {
            return await RevocationTimestampAsync(context, route.Address[..^RevocationBucketSuffix.Length]);
        }

        if (!GaiaPath.IsAddress(route.Address))
        {
            throw NotFound(context);
        }

        GaiaPath.EnsureValid(route.Path);
        var file = await driver.ReadAsync(route.Address, route.Path, context.RequestAborted)
            ?? throw new GaiaException(GaiaError.DoesNotExist, $"File does not exist: {route.Address}/{route.Path}");
        return new StoredFileResult(file);
    }

    /// <summary>
    /// <c>{address}-auth/authTimestamp</c>, where the reference hub keeps a bucket's revocation timestamp (spec 4, 8):
    /// served from the revocation store, 404 while the bucket was never revoked.
    /// </summary>
    private static async Task<IResult> RevocationTimestampAsync(HttpContext context, string address)
    {
        var store = context.RequestServices.GetRequiredService<IRevocationStore>();
        var timestamp = GaiaPath.IsAddress(address) ? await store.GetOldestValidTimestampAsync(address, context.RequestAborted) : 0;
        return timestamp > 0
            ? TypedResults.Text(timestamp.ToString(CultureInfo.InvariantCulture), "text/plain; charset=UTF-8")
            : throw new GaiaException(GaiaError.DoesNotExist, $"File does not exist: {address}-auth/authTimestamp");
    }

    internal static GaiaException NotFound(HttpContext context) =>
        new(GaiaError.NotFound, $"Cannot {context.Request.Method} {context.Request.Path}");

    private static StatEntry StatEntryOf(FileStat s) =>
        new(s.Name, true, s.ETag, s.ContentLength, s.ContentType, (long)Math.Round(s.LastModified.ToUnixTimeMilliseconds() / 1000.0));

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>The request's base URL where the hub builds its URLs from it (no public or read URL set), else none.</summary>
    private static string BaseUrlOf(HttpRequest request, HubService hub) =>
        hub.UrlsFromRequest ? RequestHost.BaseUrlOf(request, hub.AllowedHosts) : "";

    private static JsonHttpResult<T> Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status) =>
        TypedResults.Json(value, type, "application/json", status);
}
