namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Context/BindingContext.cs</c>: the binding data of an invocation.</summary>
public abstract class BindingContext
{
    /// <summary>Gets the trigger's binding data (route parameters among them, for HTTP).</summary>
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
