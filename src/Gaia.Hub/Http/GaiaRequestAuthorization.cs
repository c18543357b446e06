using System.Text.Json;
using Gaia.Hub.Authentication;
using Gaia.Hub.Hub;
using Gaia.Hub.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.Http;

/// <summary>
/// The token check of an authenticated route, in the reference's order: route, JSON body (list-files and
/// revoke-all answer 400/413 before 401), then the token. The outcome is kept on the request, so a middleware
/// (the Functions host's) can run it first and the handler then reuses it.
/// </summary>
public static class GaiaRequestAuthorization
{
    private static readonly object IdentityKey = new();
    private static readonly object BodyKey = new();

    public static async ValueTask<GaiaIdentity> AuthorizeAsync(HttpContext context, GaiaOperation operation, string? rest)
    {
        if (context.Items.TryGetValue(IdentityKey, out var known) && known is GaiaIdentity identity)
        {
            return identity;
        }

        var address = operation is GaiaOperation.Store or GaiaOperation.Delete
            ? FileRoute(context, rest).Address
            : BucketRoute(context, rest);
        if (operation is GaiaOperation.ListFiles or GaiaOperation.RevokeAll)
        {
            var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
            context.Items[BodyKey] = body;
            if (operation == GaiaOperation.RevokeAll)
            {
                _ = JsonBody.ToOldestValidTimestamp(body);
            }
        }

        var authenticator = context.RequestServices.GetRequiredService<GaiaAuthenticator>();
        var authorization = context.Request.Headers.Authorization;
        identity = await authenticator.AuthenticateAsync(
            authorization.Count > 0 ? authorization.ToString() : null, address, operation != GaiaOperation.RevokeAll, context.RequestAborted);
        if (operation != GaiaOperation.ListFiles
            && !context.RequestServices.GetRequiredService<BucketRateLimiter>().TryAcquire(address, out var retryAfter))
        {
            context.RequestServices.GetRequiredService<HubTelemetry>().RecordRateLimitRefusal(context);
            throw BucketRateLimiter.Refusal(address, retryAfter);
        }

        context.Items[IdentityKey] = identity;
        return identity;
    }

    /// <summary>The JSON body read during authorization (list-files and revoke-all).</summary>
    internal static JsonElement? BodyOf(HttpContext context) =>
        context.Items.TryGetValue(BodyKey, out var body) ? (JsonElement?)body : null;

    internal static (string Address, string Path) FileRoute(HttpContext context, string? rest) =>
        GaiaPath.ParseRoute(rest) ?? throw HubEndpoints.NotFound(context);

    private static string BucketRoute(HttpContext context, string? rest)
    {
        var address = rest?.TrimEnd('/');
        return address is not null && GaiaPath.IsAddress(address) && rest!.Length - address.Length <= 1
            ? address
            : throw HubEndpoints.NotFound(context);
    }
}
