namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker/Definition/BindingDirection.cs</c>: which way a binding's data flows.</summary>
public enum BindingDirection
{
    /// <summary>Data comes into the function.</summary>
    In,

    /// <summary>Data is set by the function.</summary>
    Out,
}
