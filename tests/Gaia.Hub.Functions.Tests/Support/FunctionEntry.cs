using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>One function of <see cref="HubFunctions"/>, described by its <c>[Function]</c> and <c>[HttpTrigger]</c>.</summary>
internal sealed record FunctionEntry(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)
{
    public string Route => Trigger.Route ?? Name;

    public bool IsCatchAll => Route.StartsWith('{');

    public bool Accepts(string method) =>
        Trigger.Methods?.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) ?? true;

    /// <summary>Whether the route template (a literal, or a literal then <c>{*rest}</c>, or only <c>{*path}</c>) matches.</summary>
    public bool Matches(string path)
    {
        var literal = Route.Split('{')[0].TrimEnd('/');
        var target = path.TrimStart('/');
        if (literal.Length == 0)
        {
            return true;
        }

        return Route.Contains('{', StringComparison.Ordinal)
            ? target.Equals(literal, StringComparison.OrdinalIgnoreCase) || target.StartsWith(literal + "/", StringComparison.OrdinalIgnoreCase)
            : target.TrimEnd('/').Equals(literal, StringComparison.OrdinalIgnoreCase);
    }

    public async Task<IActionResult> InvokeAsync(HubFunctions functions, HttpRequest request) =>
        Method.Invoke(Method.IsStatic ? null : functions, BindingFlags.DoNotWrapExceptions, null, [request], null) switch
        {
            Task<IActionResult> pending => await pending,
            IActionResult result => result,
            var other => throw new InvalidOperationException($"{Name} returned {other}"),
        };
}
