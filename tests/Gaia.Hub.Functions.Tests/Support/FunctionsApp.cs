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
