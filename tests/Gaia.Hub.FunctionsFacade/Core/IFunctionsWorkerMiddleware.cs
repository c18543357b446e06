namespace Microsoft.Azure.Functions.Worker.Middleware;

/// <summary>Facade of <c>IFunctionsWorkerMiddleware</c> of package Microsoft.Azure.Functions.Worker.Core (under
/// <c>src/DotNetWorker.Core</c>; its file is not in the index this was checked against): a worker pipeline middleware.</summary>
public interface IFunctionsWorkerMiddleware
{
    /// <summary>Runs the middleware for one invocation; <paramref name="next"/> runs the rest of the pipeline.</summary>
    Task Invoke(FunctionContext context, FunctionExecutionDelegate next);
}
