using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// The host's HTTP side: one endpoint per HTTP function, on its route template (under host.json's route prefix) and
/// methods, forwarding to the worker; any other request gets the Functions host's bare 404.
/// </summary>
internal static class FrontApp
{
    /// <summary>Azure's default request body limit for HTTP functions (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT).</summary>
    private const long MaxRequestBodySize = 100 * 1024 * 1024;

    public static WebApplication Build(FunctionsHostOptions options, string routePrefix, IReadOnlyList<HttpFunction> functions, HttpForwarder forwarder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = MaxRequestBodySize;
        });
        var front = builder.Build();
        front.UseRouting();
        front.Use(next => context => context.GetEndpoint()?.Metadata.GetMetadata<HttpFunction>() is null
            ? NotFound(context)
            : next(context));
        var prefix = routePrefix.Length == 0 ? "" : "/" + routePrefix;
        foreach (var function in functions)
        {
            var pattern = $"{prefix}/{function.Route}";
            var endpoint = function.Methods.Count == 0
                ? front.Map(pattern, context => forwarder.ForwardAsync(context, function))
                : front.MapMethods(pattern, function.Methods, context => forwarder.ForwardAsync(context, function));
            endpoint.WithDisplayName(function.Name).WithMetadata(function);
        }

        return front;
    }

    /// <summary>What the Functions host answers when no function takes the method and path: a bare 404.</summary>
    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
