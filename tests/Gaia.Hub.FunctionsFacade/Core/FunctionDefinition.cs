using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Definition/FunctionDefinition.cs</c>: a function's description.</summary>
public abstract class FunctionDefinition
{
    /// <summary>Gets the parameters of the function.</summary>
    public abstract ImmutableArray<FunctionParameter> Parameters { get; }

    /// <summary>Gets the path of the assembly that holds the function.</summary>
    public abstract string PathToAssembly { get; }

    /// <summary>Gets the method entry point of the function.</summary>
    public abstract string EntryPoint { get; }

    /// <summary>Gets the function id assigned by the host.</summary>
    public abstract string Id { get; }

    /// <summary>Gets the function name, as given in <see cref="FunctionAttribute"/>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the input binding metadata.</summary>
    public abstract IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    /// <summary>Gets the output binding metadata.</summary>
    public abstract IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }
}
