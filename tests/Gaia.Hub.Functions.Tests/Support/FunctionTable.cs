using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>The functions of <see cref="HubFunctions"/>, read from their attributes.</summary>
internal static class FunctionTable
{
    public static IReadOnlyList<FunctionEntry> Entries { get; } =
    [
        .. typeof(HubFunctions).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(found => found.Function is not null)
            .Select(found => new FunctionEntry(
                found.Function!.Name,
                found.Method,
                found.Method.GetParameters().Single().GetCustomAttribute<HttpTriggerAttribute>()!)),
    ];

    public static FunctionEntry Named(string name) => Entries.Single(entry => entry.Name == name);
}
