using System.Text.Json;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// An HTTP-triggered function as the worker describes it in its metadata: its id, name, the trigger binding's name,
/// route template and methods (none listed: every method).
/// </summary>
internal sealed record HttpFunction(string FunctionId, string Name, string TriggerName, string Route, IReadOnlyList<string> Methods)
{
    /// <summary>The function's HTTP trigger, read from its raw bindings (JSON, as in functions.metadata); null without one.</summary>
    public static HttpFunction? From(string functionId, string name, IEnumerable<string> rawBindings)
    {
        foreach (var raw in rawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            var root = binding.RootElement;
            if (!string.Equals(Text(root, "type"), "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var methods = root.TryGetProperty("methods", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray()
                : [];
            return new HttpFunction(functionId, name, Text(root, "name") ?? "req", Text(root, "route") ?? name, methods);
        }

        return null;
    }

    private static string? Text(JsonElement element, string property)
    {
        foreach (var candidate in element.EnumerateObject())
        {
            if (string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase) && candidate.Value.ValueKind == JsonValueKind.String)
            {
                return candidate.Value.GetString();
            }
        }

        return null;
    }
}
