using System.Text.Json;

namespace Gaia.Hub.Http;

/// <summary>
/// JSON that parses may still hold strings that are not Unicode: an escaped lone surrogate (<c>"\ud800"</c>) or raw
/// bytes that are not UTF-8. Reading such a string throws, so a body is checked once, whole, before any value is read.
/// </summary>
internal static class JsonText
{
    /// <summary>True when every property name and string value in <paramref name="element"/> is valid Unicode.</summary>
    public static bool IsValidUnicode(JsonElement element)
    {
        try
        {
            return Check(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Check(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Check(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is null || !Check(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
