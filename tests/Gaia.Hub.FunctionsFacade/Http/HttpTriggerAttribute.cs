using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>HttpTriggerAttribute</c> of package Microsoft.Azure.Functions.Worker.Extensions.Http
/// (<c>extensions/Worker.Extensions.Http/src</c>): its four constructors and three properties.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>A function-key protected trigger for any method.</summary>
    public HttpTriggerAttribute() => AuthLevel = AuthorizationLevel.Function;

    /// <summary>A trigger for <paramref name="methods"/>.</summary>
    public HttpTriggerAttribute(params string[] methods) => Methods = methods;

    /// <summary>A trigger that demands <paramref name="authLevel"/>.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel) => AuthLevel = authLevel;

    /// <summary>A trigger for <paramref name="methods"/> that demands <paramref name="authLevel"/>.</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>Gets or sets the route template (ASP.NET Core syntax); the function name when unset.</summary>
    public string? Route { get; set; }

    /// <summary>Gets the HTTP methods the function accepts.</summary>
    public string[]? Methods { get; private set; }

    /// <summary>Gets the authorization level of the function.</summary>
    public AuthorizationLevel AuthLevel { get; private set; }
}
