using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>Parses a bearer token (legacy or <c>v1:</c> JWT) and checks every signature in it (spec 3.4–3.7).</summary>
public static class TokenParser
{
    private static readonly string[] NoChallenges = [];

    /// <summary>
    /// The verified claims of the text after <c>bearer </c>. Every problem, whatever the input, is a
    /// <see cref="GaiaException"/> with <see cref="GaiaError.ValidationError"/>.
    /// </summary>
    /// <param name="authPart">The token: <c>v1:</c> and a compact JWT, or a legacy base64 token.</param>
    /// <param name="acceptedChallenges">The challenge texts a legacy token may sign; a v1 token's challenge is returned as read.</param>
    public static VerifiedToken Verify(ReadOnlySpan<char> authPart, IReadOnlyList<string> acceptedChallenges)
    {
        var colon = authPart.IndexOf(':');
        if (colon < 0)
        {
            return VerifyLegacy(authPart, acceptedChallenges);
        }

        if (authPart[..colon] is not "v1")
        {
            throw GaiaException.Validation($"Unsupported authentication version '{authPart[..Math.Min(colon, 32)]}'.");
        }

        return VerifyV1(authPart[(colon + 1)..], acceptedChallenges);
    }

    private static VerifiedToken VerifyV1(ReadOnlySpan<char> jwt, IReadOnlyList<string> acceptedChallenges)
    {
        var (claims, issuerAddress) = CompactJws.VerifyWithIssuer(jwt, acceptedChallenges, "token");
        var association = claims.AssociationToken is { Length: > 0 } associationJwt
            ? VerifyAssociation(associationJwt, issuerAddress)
            : null;
        return new VerifiedToken(
            IsLegacy: false,
            issuerAddress,
            claims.Challenge ?? "",
            claims.ExpiresAt,
            claims.IssuedAt,
            claims.HubUrl ?? claims.GaiaHubUrl,
            claims.Scopes,
            association);
    }

    private static AssociationClaims VerifyAssociation(string jwt, string bearerAddress)
    {
        var (claims, identityAddress) = CompactJws.VerifyWithIssuer(jwt, NoChallenges, "association token");
        var expiresAt = claims.ExpiresAt ?? throw GaiaException.Validation("The association token has no expiry (exp).");
        var childAddress = claims.ChildToAssociate is { } child ? BitcoinAddress.FromPublicKeyHex(child) : null;
        if (childAddress is null || childAddress != bearerAddress)
        {
            throw GaiaException.Validation("The association token is not for this token's key (childToAssociate).");
        }

        return new AssociationClaims(identityAddress, childAddress, expiresAt);
    }

    private static VerifiedToken VerifyLegacy(ReadOnlySpan<char> authPart, IReadOnlyList<string> acceptedChallenges)
    {
        LegacyTokenBody? body;
        try
        {
            body = JsonSerializer.Deserialize(Convert.FromBase64String(authPart.ToString()), GaiaAuthJson.Default.LegacyTokenBody);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw GaiaException.Validation("Failed to parse the legacy authentication token.");
        }

        if (!Hex.TryDecode(body?.PublicKey, out var keyBytes) || Secp256k1.TryParsePublicKey(keyBytes) is not { } key)
        {
            throw GaiaException.Validation("The legacy token's public key is not a secp256k1 point.");
        }

        if (!Hex.TryDecode(body!.Signature, out var der) || !DerSignature.TryParse(der, out var r, out var s))
        {
            throw GaiaException.Validation("The legacy token's signature is not strict DER.");
        }

        var challenge = acceptedChallenges.FirstOrDefault(c => Secp256k1.Verify(key, SHA256.HashData(Encoding.UTF8.GetBytes(c)), r, s))
            ?? throw GaiaException.Validation("The legacy token's signature does not verify for any accepted challenge.");
        return new VerifiedToken(true, BitcoinAddress.FromPublicKey(key), challenge,
            ExpiresAt: null, IssuedAt: null, HubUrl: null, ScopeSet.Unrestricted, Association: null);
    }
}
