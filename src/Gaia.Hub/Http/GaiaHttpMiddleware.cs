using Gaia.Hub.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Http;

/// <summary>
/// Runs before routing: CORS on every response, OPTIONS preflight on any path, file routes matched on the raw
/// (undecoded, unnormalised) path, and every failure written as <c>{message, error}</c> JSON by one mapping.
/// </summary>
internal sealed class GaiaHttpMiddleware(RequestDelegate next, ILogger<GaiaHttpMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        GaiaHttpPipeline.BeginRequest(context);
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            GaiaHttpPipeline.AnswerPreflight(context.Response);
            return;
        }

        try
        {
            GaiaHttpPipeline.EnsureWithinLimits(context);
            await next(context);
        }
        catch (Exception e)
        {
            await GaiaHttpPipeline.WriteErrorAsync(context, e, logger);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null)
        {
            var error = response.StatusCode == StatusCodes.Status404NotFound
                ? HubEndpoints.NotFound(context)
                : new GaiaException(GaiaError.InvalidInputError, $"{context.Request.Method} is not allowed on {context.Request.Path}");
            await GaiaHttpPipeline.WriteAsync(response, response.StatusCode, new ErrorBody(error.Message, error.Error.ToString()));
        }
    }
}
