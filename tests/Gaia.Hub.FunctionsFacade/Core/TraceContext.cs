namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Context/TraceContext.cs</c>: the invocation's trace context.</summary>
public abstract class TraceContext
{
    /// <summary>Gets the identity of the incoming invocation in a tracing system.</summary>
    public abstract string TraceParent { get; }

    /// <summary>Gets the state data.</summary>
    public abstract string TraceState { get; }

    /// <summary>Gets the attributes of the trace.</summary>
    public virtual IReadOnlyDictionary<string, string> Attributes => new Dictionary<string, string>();
}
