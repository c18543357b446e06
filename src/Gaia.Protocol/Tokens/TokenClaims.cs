using System.Globalization;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>Typed access to JWT claims, lenient where jsontokens is (numbers may be fractional).</summary>
internal static class TokenClaims
{
    public static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A numeric claim; null when absent, null-valued or zero. A non-numeric value makes the token invalid.</summary>
    public static double? Seconds(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        double seconds;
        if (value.ValueKind == JsonValueKind.Number)
        {
            seconds = value.GetDouble();
        }
        else if (value.ValueKind != JsonValueKind.String
            || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            throw GaiaException.Validation($"The token claim '{name}' is not a number.");
        }

        return seconds == 0 ? null : seconds;
    }

    public static ScopeSet Scopes(JsonElement payload)
    {
        if (!payload.TryGetProperty("scopes", out var scopes) || scopes.ValueKind == JsonValueKind.Null)
        {
            return ScopeSet.Unrestricted;
        }

        if (scopes.ValueKind != JsonValueKind.Array)
        {
            throw GaiaException.Validation("The token's scopes claim is not an array.");
        }

        if (scopes.GetArrayLength() > AuthScope.MaxScopes)
        {
            throw GaiaException.Validation($"Too many scopes: at most {AuthScope.MaxScopes} are allowed.");
        }

        var list = new List<AuthScope>();
        foreach (var entry in scopes.EnumerateArray())
        {
            var scope = entry.ValueKind == JsonValueKind.Object ? Text(entry, "scope") : null;
            var domain = entry.ValueKind == JsonValueKind.Object ? Text(entry, "domain") : null;
            if (scope is null || domain is null || !AuthScope.IsKnown(scope))
            {
                throw GaiaException.Validation($"Unrecognized scope: {entry.GetRawText()}");
            }

            list.Add(new AuthScope(scope, domain));
        }

        return new ScopeSet(list);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;
}
