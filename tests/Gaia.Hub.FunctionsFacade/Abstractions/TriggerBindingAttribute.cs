namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

/// <summary>
/// Facade of <c>TriggerBindingAttribute</c> of package Microsoft.Azure.Functions.Worker.Extensions.Abstractions
/// (<c>extensions/Worker.Extensions.Abstractions/src</c>): the base of trigger attributes such as <see cref="HttpTriggerAttribute"/>.
/// </summary>
public abstract class TriggerBindingAttribute : BindingAttribute;
