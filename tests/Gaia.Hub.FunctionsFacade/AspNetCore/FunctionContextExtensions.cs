using Microsoft.AspNetCore.Http;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>extensions/Worker.Extensions.Http.AspNetCore/src/FunctionContext/FunctionContextExtensions.cs</c>
/// (package Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore): <see cref="GetHttpContext"/> only.
/// </summary>
public static class FunctionContextExtensions
{
    /// <summary>
    /// The key under which upstream's <c>FunctionsHttpProxyingMiddleware</c> stores the request's HttpContext in
    /// <see cref="FunctionContext.Items"/> (upstream's internal <c>Constants.HttpContextKey</c>).
    /// </summary>
    internal const string HttpContextKey = "HttpRequestContext";

    /// <summary>The invocation's HttpContext, or null for an invocation that is not an HTTP trigger's.</summary>
    public static HttpContext? GetHttpContext(this FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(HttpContextKey, out var value) && value is HttpContext httpContext ? httpContext : null;
    }
}
