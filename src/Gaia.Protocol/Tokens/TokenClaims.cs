using System.Buffers;
using System.Globalization;
using System.Text.Json;
using NBitcoin.Secp256k1;

namespace Gaia.Protocol;

/// <summary>
/// The claims of a token payload that the protocol reads, in one pass of a <see cref="Utf8JsonReader"/> without a
/// document. Lenient where jsontokens is (numbers may be fractional or strings); strict about text: any string or
/// name in the JSON that is not valid Unicode (a lone surrogate escape, a byte that is not UTF-8) makes the token invalid.
/// </summary>
internal struct TokenClaims
{
    private static readonly string[] Names =
        ["iss", "gaiaChallenge", "hubUrl", "gaiaHubUrl", "exp", "iat", "scopes", "associationToken", "childToAssociate"];

    public bool HasIssuer;
    public ECPubKey? IssuerKey;
    public string? Challenge;
    public string? HubUrl;
    public string? GaiaHubUrl;
    public double? ExpiresAt;
    public double? IssuedAt;
    public ScopeSet Scopes;
    public string? AssociationToken;
    public string? ChildToAssociate;

    /// <summary>Reads a payload object; a challenge equal to one of <paramref name="challenges"/> is that very string.</summary>
    public static TokenClaims Read(ReadOnlySpan<byte> json, IReadOnlyList<string> challenges, string what)
    {
        var claims = new TokenClaims { Scopes = ScopeSet.Unrestricted };
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw GaiaException.Validation($"The {what} payload is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                JsonText.Check(ref reader, what);
                var claim = NameOf(ref reader);
                reader.Read();
                claims.ReadClaim(ref reader, claim, challenges, what);
            }

            JsonText.ReadToEnd(ref reader, what);
        }
        catch (JsonException)
        {
            throw GaiaException.Validation($"The {what} is not valid JSON.");
        }

        return claims;
    }

    private static string? NameOf(ref Utf8JsonReader reader)
    {
        foreach (var name in Names)
        {
            if (reader.ValueTextEquals(name))
            {
                return name;
            }
        }

        return null;
    }

    private void ReadClaim(ref Utf8JsonReader reader, string? claim, IReadOnlyList<string> challenges, string what)
    {
        switch (claim)
        {
            case "iss":
                HasIssuer = reader.TokenType == JsonTokenType.String;
                IssuerKey = HasIssuer ? ReadKey(ref reader, what) : null;
                if (!HasIssuer)
                {
                    JsonText.SkipValue(ref reader, what);
                }

                break;
            case "gaiaChallenge" when reader.TokenType == JsonTokenType.String:
                Challenge = ReadChallenge(ref reader, challenges, what);
                break;
            case "hubUrl":
                HubUrl = JsonText.String(ref reader, what);
                break;
            case "gaiaHubUrl":
                GaiaHubUrl = JsonText.String(ref reader, what);
                break;
            case "exp":
                ExpiresAt = Seconds(ref reader, claim, what);
                break;
            case "iat":
                IssuedAt = Seconds(ref reader, claim, what);
                break;
            case "scopes":
                Scopes = ScopeClaim.Read(ref reader, what);
                break;
            case "associationToken":
                AssociationToken = JsonText.String(ref reader, what);
                break;
            case "childToAssociate":
                ChildToAssociate = JsonText.String(ref reader, what);
                break;
            default:
                JsonText.SkipValue(ref reader, what);
                break;
        }
    }

    /// <summary>A numeric claim; null when null-valued or zero. A non-numeric value makes the token invalid.</summary>
    private static double? Seconds(ref Utf8JsonReader reader, string claim, string what)
    {
        double seconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out seconds):
                break;
            case JsonTokenType.String when double.TryParse(JsonText.String(ref reader, what), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds):
                break;
            default:
                JsonText.SkipValue(ref reader, what);
                throw GaiaException.Validation($"The token claim '{claim}' is not a number.");
        }

        return seconds == 0 ? null : seconds;
    }

    private static string ReadChallenge(ref Utf8JsonReader reader, IReadOnlyList<string> challenges, string what)
    {
        JsonText.Check(ref reader, what);
        foreach (var challenge in challenges)
        {
            if (reader.ValueTextEquals(challenge))
            {
                return challenge;
            }
        }

        return reader.GetString()!;
    }

    /// <summary>A hex SEC1 key decoded without allocating text; null when the string is not one.</summary>
    private static ECPubKey? ReadKey(ref Utf8JsonReader reader, string what)
    {
        JsonText.Check(ref reader, what);
        if (reader.ValueSpan.Length > 1024)
        {
            return null;
        }

        Span<char> text = stackalloc char[reader.ValueSpan.Length];
        text = text[..reader.CopyString(text)];
        Span<byte> key = stackalloc byte[65];
        return text.Length is 66 or 130 && Convert.FromHexString(text, key, out _, out var written) == OperationStatus.Done
            ? Secp256k1.TryParsePublicKey(key[..written])
            : null;
    }
}
