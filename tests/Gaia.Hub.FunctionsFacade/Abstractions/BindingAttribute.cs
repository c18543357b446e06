namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>
/// Facade of <c>extensions/Worker.Extensions.Abstractions/src/BindingAttribute.cs</c> (package
/// Microsoft.Azure.Functions.Worker.Extensions.Abstractions): the base of binding attributes.
/// </summary>
public abstract class BindingAttribute : Attribute;
