using Gaia.Hub.Configuration;
using Gaia.Hub.Health;
using Gaia.Hub.Http;
using Gaia.Hub.Hub;
using Gaia.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Functions;

/// <summary>
/// The Gaia routes as functions, one per route, on the Kestrel host's paths (host.json sets the route prefix to "").
/// Function keys are off (anonymous): the hub checks its own bearer tokens, in <see cref="GaiaAuthorizationMiddleware"/>.
/// Each function calls the same <see cref="HubEndpoints"/> handler as the Kestrel host.
/// </summary>
public sealed class HubFunctions(HubService hub, IStorageDriver driver, IOptions<GaiaHubOptions> options)
{
    public const string HubInfoName = "hub_info";
    public const string StoreName = "store";
    public const string DeleteName = "delete";
    public const string ListFilesName = "list";
    public const string RevokeAllName = "revoke";
    public const string ReadName = "read";
    public const string PreflightName = "preflight";
    public const string LivenessName = "healthz";
    public const string ReadinessName = "ready";

    [Function(HubInfoName)]
    public IActionResult HubInfo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "hub_info")] HttpRequest request) =>
        new HubActionResult(HubEndpoints.HubInfo(request.HttpContext, hub));

    [Function(StoreName)]
    public async Task<IActionResult> StoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "store/{*rest}")] HttpRequest request) =>
        new HubActionResult(await HubEndpoints.StoreAsync(request.HttpContext, FunctionRoute.RestOf(request), hub));

    [Function(DeleteName)]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "delete/{*rest}")] HttpRequest request) =>
        new HubActionResult(await HubEndpoints.DeleteAsync(request.HttpContext, FunctionRoute.RestOf(request), hub));

    [Function(ListFilesName)]
    public async Task<IActionResult> ListFilesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "list-files/{*rest}")] HttpRequest request) =>
        new HubActionResult(await HubEndpoints.ListFilesAsync(request.HttpContext, FunctionRoute.RestOf(request), hub));

    [Function(RevokeAllName)]
    public async Task<IActionResult> RevokeAllAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "revoke-all/{*rest}")] HttpRequest request) =>
        new HubActionResult(await HubEndpoints.RevokeAllAsync(request.HttpContext, FunctionRoute.RestOf(request), hub));

    [Function(ReadName)]
    public async Task<IActionResult> ReadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "read/{*rest}")] HttpRequest request) =>
        new HubActionResult(await HubEndpoints.ReadAsync(request.HttpContext, FunctionRoute.RestOf(request), driver, options));

    /// <summary>Liveness: the worker answers.</summary>
    [Function(LivenessName)]
    public static IActionResult Liveness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "healthz")] HttpRequest request) =>
        new HubActionResult(HealthEndpoints.Live(request.HttpContext));

    /// <summary>Readiness: storage answers too (503 JSON when it does not), cached for a few seconds.</summary>
    [Function(ReadinessName)]
    public static async Task<IActionResult> ReadinessAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "healthz/ready")] HttpRequest request) =>
        new HubActionResult(await HealthEndpoints.ReadyAsync(
            request.HttpContext, request.HttpContext.RequestServices.GetRequiredService<ReadinessProbe>()));

    /// <summary>CORS preflight on any path, as the Kestrel host answers it (an OPTIONS request reaches no other function).</summary>
    [Function(PreflightName)]
    public static IActionResult Preflight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest request)
    {
        GaiaHttpPipeline.AnswerPreflight(request.HttpContext.Response);
        return new EmptyResult();
    }
}
