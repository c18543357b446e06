using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Hosting/IFunctionsWorkerApplicationBuilder.cs</c>: the worker's builder.</summary>
public interface IFunctionsWorkerApplicationBuilder
{
    /// <summary>Gets the services of the application.</summary>
    IServiceCollection Services { get; }

    /// <summary>Adds a middleware to the worker's invocation pipeline.</summary>
    IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware);
}
