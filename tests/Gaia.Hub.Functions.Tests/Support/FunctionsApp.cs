using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// The Functions app's services, registered as Program.cs registers them (<see cref="GaiaFunctionsRegistration.AddGaiaFunctions"/>
/// and the middleware as <c>UseMiddleware</c> adds it), over a fresh disk root; and an invocation as the ASP.NET Core
/// integration runs one: the HttpContext goes into the function context, the middleware runs, then the function, then
/// the IActionResult it returned is executed.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string diskRoot = HubSettings.NewDiskRoot();

    public FunctionsApp(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(HubSettings.For(diskRoot, overrides));
        builder.AddGaiaFunctions();
        builder.Services.AddSingleton<GaiaAuthorizationMiddleware>();
        host = builder.Build();
        host.Start();
    }

    public IServiceProvider Services => host.Services;

    public GaiaAuthorizationMiddleware Middleware => Services.GetRequiredService<GaiaAuthorizationMiddleware>();

    /// <summary>A function class as the worker makes one for an invocation.</summary>
    public static HubFunctions FunctionsFor(HttpContext http) => ActivatorUtilities.CreateInstance<HubFunctions>(http.RequestServices);

    public Task<DefaultHttpContext> HttpContextAsync(HttpRequestMessage message) =>
        RequestContexts.FromAsync(message, Services, TestContext.Current.CancellationToken);

    /// <summary>Routes the request as the Functions host does and runs it; an unrouted request gets the host's bare 404.</summary>
    public async Task<HubResponse> SendAsync(HttpRequestMessage message)
    {
        await using var scope = Services.CreateAsyncScope();
        var http = await RequestContexts.FromAsync(message, scope.ServiceProvider, TestContext.Current.CancellationToken);
        if (FunctionTable.Match(http.Request.Method, http.Request.Path.Value ?? "/") is not { } function)
        {
            return new HubResponse(StatusCodes.Status404NotFound, null, null, "");
        }

        var body = (MemoryStream)http.Response.Body;
        await InvokeAsync(function, http);
        return HubResponse.From(http.Response, body);
    }

    /// <summary>The middleware, then the function, then its result, for a request already routed to <paramref name="function"/>.</summary>
    public async Task InvokeAsync(FunctionEntry function, HttpContext http)
    {
        var context = new TestFunctionContext(function.Name, http, http.RequestServices);
        IActionResult? result = null;
        await Middleware.Invoke(context, async _ => result = await function.InvokeAsync(FunctionsFor(http), http.Request));
        if (result is not null)
        {
            await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        }
    }

    /// <summary>Runs only the middleware, with a stand-in for the function; true when the function was reached.</summary>
    public async Task<bool> PassesMiddlewareAsync(string function, HttpContext? http)
    {
        var reached = false;
        await Middleware.Invoke(new TestFunctionContext(function, http, Services), _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        return reached;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(TestContext.Current.CancellationToken);
        host.Dispose();
        HubSettings.DeleteDiskRoot(diskRoot);
    }
}
