using Gaia.Hub.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Functions;

/// <summary>
/// Hands a hub handler's <see cref="IResult"/> to the ASP.NET Core integration, which writes a function's
/// <see cref="IActionResult"/> return value but not an <see cref="IResult"/> (FunctionsHttpProxyingMiddleware in
/// Azure/azure-functions-dotnet-worker). A failure while the result is written (a read's 416) becomes the same JSON error.
/// </summary>
internal sealed class HubActionResult(IResult result) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        try
        {
            await result.ExecuteAsync(http);
        }
        catch (Exception e)
        {
            await GaiaHttpPipeline.WriteErrorAsync(http, e, http.RequestServices.GetRequiredService<ILogger<HubActionResult>>());
        }
    }
}
