namespace Microsoft.Azure.Functions.Worker.Middleware;

/// <summary>Facade of <c>src/DotNetWorker.Core/Pipeline/FunctionExecutionDelegate.cs</c>: the rest of the worker pipeline.</summary>
public delegate Task FunctionExecutionDelegate(FunctionContext context);
