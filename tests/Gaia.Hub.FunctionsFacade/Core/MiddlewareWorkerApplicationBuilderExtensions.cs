using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Facade of <c>src/DotNetWorker.Core/Hosting/WorkerMiddlewareWorkerApplicationBuilderExtensions.cs</c> (class
/// <c>MiddlewareWorkerApplicationBuilderExtensions</c>): <see cref="UseMiddleware{T}"/> only.
/// </summary>
public static class MiddlewareWorkerApplicationBuilderExtensions
{
    /// <summary>Upstream registers <typeparamref name="T"/> as a singleton and adds it to the invocation pipeline.</summary>
    public static IFunctionsWorkerApplicationBuilder UseMiddleware<T>(this IFunctionsWorkerApplicationBuilder builder)
        where T : class, IFunctionsWorkerMiddleware =>
        throw FacadeOnly.NotSupported(nameof(UseMiddleware));
}
