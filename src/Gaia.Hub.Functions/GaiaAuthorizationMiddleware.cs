using Gaia.Hub.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Functions;

/// <summary>
/// The worker middleware of every HTTP function. It does what GaiaHttpMiddleware does on Kestrel (CORS headers on every
/// response, raw request paths, each failure as <c>{message, error}</c> JSON), and for store, delete, list and revoke it
/// checks the route, the JSON body and the bearer token before the function runs, answering 401 (or 400, 404, 413)
/// itself. The function then reuses the identity it found (<see cref="GaiaRequestAuthorization"/>).
/// </summary>
internal sealed class GaiaAuthorizationMiddleware(ILogger<GaiaAuthorizationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        GaiaHttpPipeline.BeginRequest(http);
        try
        {
            GaiaHttpPipeline.EnsureWithinLimits(http);
            if (OperationOf(context.FunctionDefinition.Name) is { } operation)
            {
                await GaiaRequestAuthorization.AuthorizeAsync(http, operation, FunctionRoute.RestOf(http.Request));
            }

            await next(context);
        }
        catch (Exception e)
        {
            await GaiaHttpPipeline.WriteErrorAsync(http, e, logger);
        }
    }

    private static GaiaOperation? OperationOf(string functionName) => functionName switch
    {
        HubFunctions.StoreName => GaiaOperation.Store,
        HubFunctions.DeleteName => GaiaOperation.Delete,
        HubFunctions.ListFilesName => GaiaOperation.ListFiles,
        HubFunctions.RevokeAllName => GaiaOperation.RevokeAll,
        _ => null,
    };
}
