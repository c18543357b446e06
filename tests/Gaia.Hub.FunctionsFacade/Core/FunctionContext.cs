namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>src/DotNetWorker.Core/Context/FunctionContext.cs</c> (package Microsoft.Azure.Functions.Worker.Core):
/// the same abstract members, so a test double written against it also compiles against the real package.
/// </summary>
public abstract class FunctionContext
{
    /// <summary>Gets the invocation ID, unique to an invocation.</summary>
    public abstract string InvocationId { get; }

    /// <summary>Gets the function ID assigned by the host, stable across invocations.</summary>
    public abstract string FunctionId { get; }

    /// <summary>Gets the distributed tracing context.</summary>
    public abstract TraceContext TraceContext { get; }

    /// <summary>Gets the binding context of the invocation.</summary>
    public abstract BindingContext BindingContext { get; }

    /// <summary>Gets the retry context of the event that triggered the invocation.</summary>
    public abstract RetryContext RetryContext { get; }

    /// <summary>Gets or sets the services of this invocation.</summary>
    public abstract IServiceProvider InstanceServices { get; set; }

    /// <summary>Gets the definition of the function being executed.</summary>
    public abstract FunctionDefinition FunctionDefinition { get; }

    /// <summary>Gets or sets values shared within the invocation; the ASP.NET Core integration keeps the HttpContext here.</summary>
    public abstract IDictionary<object, object> Items { get; set; }

    /// <summary>Gets the features of this invocation.</summary>
    public abstract IInvocationFeatures Features { get; }

    /// <summary>Gets the token that signals that the invocation is being cancelled.</summary>
    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}
