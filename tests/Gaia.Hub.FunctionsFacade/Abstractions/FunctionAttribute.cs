namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>FunctionAttribute</c> of package Microsoft.Azure.Functions.Worker.Extensions.Abstractions
/// (<c>extensions/Worker.Extensions.Abstractions/src</c>): marks a method as a function and names it, as in
/// <c>samples/AspNetIntegration/SimpleHttpTrigger/SimpleHttpTrigger.cs</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    /// <summary>Gets the function name (the <c>FunctionDefinition.Name</c> of its invocations).</summary>
    public string Name { get; } = name;
}
