namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>src/DotNetWorker.Core/Definition/FunctionParameter.cs</c>: the <c>(name, type)</c> constructor and the
/// <see cref="Name"/> and <see cref="Type"/> properties (upstream's other constructors and properties are left out).
/// </summary>
public class FunctionParameter(string name, Type type)
{
    /// <summary>Gets the parameter name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>Gets the parameter type.</summary>
    public Type Type { get; } = type ?? throw new ArgumentNullException(nameof(type));
}
