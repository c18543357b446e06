using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>Parses a bearer token (legacy or <c>v1:</c> JWT) and checks every signature in it (spec 3.4–3.7).</summary>
public static class TokenParser
{
    public static VerifiedToken Verify(string authPart, IReadOnlyList<string> acceptedChallenges)
    {
        var colon = authPart.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return VerifyLegacy(authPart, acceptedChallenges);
        }

        if (authPart.AsSpan(0, colon) is not "v1")
        {
            throw GaiaException.Validation($"Unsupported authentication version '{authPart[..colon]}'.");
        }

        return VerifyV1(authPart[(colon + 1)..]);
    }

    private static VerifiedToken VerifyV1(string jwt)
    {
        var (payload, issuerAddress) = CompactJws.VerifyWithIssuer(jwt, "token");
        var association = TokenClaims.String(payload, "associationToken") is { Length: > 0 } associationJwt
            ? VerifyAssociation(associationJwt, issuerAddress)
            : null;
        return new VerifiedToken(
            IsLegacy: false,
            issuerAddress,
            TokenClaims.String(payload, "gaiaChallenge") ?? "",
            TokenClaims.Seconds(payload, "exp"),
            TokenClaims.Seconds(payload, "iat"),
            TokenClaims.String(payload, "hubUrl") ?? TokenClaims.String(payload, "gaiaHubUrl"),
            TokenClaims.Scopes(payload),
            association);
    }

    private static AssociationClaims VerifyAssociation(string jwt, string bearerAddress)
    {
        var (payload, identityAddress) = CompactJws.VerifyWithIssuer(jwt, "association token");
        var child = TokenClaims.String(payload, "childToAssociate");
        var expiresAt = TokenClaims.Seconds(payload, "exp")
            ?? throw GaiaException.Validation("The association token has no expiry (exp).");
        var childAddress = child is null ? null : BitcoinAddress.FromPublicKeyHex(child);
        if (childAddress is null || childAddress != bearerAddress)
        {
            throw GaiaException.Validation("The association token is not for this token's key (childToAssociate).");
        }

        return new AssociationClaims(identityAddress, childAddress, expiresAt);
    }

    private static VerifiedToken VerifyLegacy(string authPart, IReadOnlyList<string> acceptedChallenges)
    {
        LegacyTokenBody? body;
        try
        {
            body = JsonSerializer.Deserialize(Convert.FromBase64String(authPart), GaiaAuthJson.Default.LegacyTokenBody);
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
        return new VerifiedToken(true, BitcoinAddress.FromCompressedKey(Secp256k1.Compress(key)), challenge,
            ExpiresAt: null, IssuedAt: null, HubUrl: null, ScopeSet.Unrestricted, Association: null);
    }
}
