namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Definition/BindingMetadata.cs</c>: metadata about one binding.</summary>
public abstract class BindingMetadata
{
    /// <summary>Gets the name of the binding.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the binding type, for example <c>httpTrigger</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Gets the binding direction.</summary>
    public abstract BindingDirection Direction { get; }
}
