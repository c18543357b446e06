using System.Text;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>The <c>scopes</c> claim (spec 3.9): null or an array of at most 8 <c>{scope, domain}</c> objects of known scopes.</summary>
internal static class ScopeClaim
{
    public static ScopeSet Read(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ScopeSet.Unrestricted;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            JsonText.SkipValue(ref reader, what);
            throw GaiaException.Validation("The token's scopes claim is not an array.");
        }

        var scopes = new List<AuthScope>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (scopes.Count == AuthScope.MaxScopes)
            {
                throw GaiaException.Validation($"Too many scopes: at most {AuthScope.MaxScopes} are allowed.");
            }

            var index = scopes.Count;
            var (scope, domain) = ReadEntry(ref reader, what);
            if (scope is null || domain is null || !AuthScope.IsKnown(scope))
            {
                throw GaiaException.Validation($"Unrecognized scope at index {index}: {scope ?? "(none)"} {domain ?? "(no domain)"}");
            }

            scopes.Add(new AuthScope(scope, domain));
        }

        return new ScopeSet(scopes);
    }

    /// <summary>The scope and domain of one entry: strings, or the JSON text of a number or boolean; null otherwise.</summary>
    private static (string? Scope, string? Domain) ReadEntry(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonText.SkipValue(ref reader, what);
            return (null, null);
        }

        string? scope = null;
        string? domain = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            JsonText.Check(ref reader, what);
            var isScope = reader.ValueTextEquals("scope"u8);
            var isDomain = reader.ValueTextEquals("domain"u8);
            reader.Read();
            var text = isScope || isDomain ? Text(ref reader, what) : null;
            if (!isScope && !isDomain)
            {
                JsonText.SkipValue(ref reader, what);
            }
            else if (isScope)
            {
                scope = text;
            }
            else
            {
                domain = text;
            }
        }

        return (scope, domain);
    }

    private static string? Text(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.String => JsonText.String(ref reader, what),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => SkipToNull(ref reader, what),
    };

    private static string? SkipToNull(ref Utf8JsonReader reader, string what)
    {
        JsonText.SkipValue(ref reader, what);
        return null;
    }
}
