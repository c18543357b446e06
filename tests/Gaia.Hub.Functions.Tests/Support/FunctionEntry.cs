using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>One function of <see cref="HubFunctions"/>, described by its <c>[Function]</c> and <c>[HttpTrigger]</c>.</summary>
internal sealed record FunctionEntry(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)
{
    public async Task<IActionResult> InvokeAsync(HubFunctions functions, HttpRequest request) =>
        Method.Invoke(Method.IsStatic ? null : functions, BindingFlags.DoNotWrapExceptions, null, [request], null) switch
        {
            Task<IActionResult> pending => await pending,
            IActionResult result => result,
            var other => throw new InvalidOperationException($"{Name} returned {other}"),
        };
}
