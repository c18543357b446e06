using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// The functions of <see cref="HubFunctions"/> routed as the Functions host routes requests: to the function that accepts
/// the method and whose route matches the path, literal routes before the catch-all.
/// </summary>
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

    public static FunctionEntry? Match(string method, string path) =>
        Entries.Where(entry => entry.Accepts(method) && entry.Matches(path)).OrderBy(entry => entry.IsCatchAll).FirstOrDefault();

    public static FunctionEntry Named(string name) => Entries.Single(entry => entry.Name == name);
}
