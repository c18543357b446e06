namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>AuthorizationLevel</c> of package Microsoft.Azure.Functions.Worker.Extensions.Http
/// (<c>extensions/Worker.Extensions.Http/src</c>): the key an HTTP function demands.
/// </summary>
public enum AuthorizationLevel
{
    /// <summary>No key is required.</summary>
    Anonymous,

    /// <summary>A valid authentication token is required.</summary>
    User,

    /// <summary>A function key is required.</summary>
    Function,

    /// <summary>The master key is required.</summary>
    System,

    /// <summary>The master key is required.</summary>
    Admin,
}
