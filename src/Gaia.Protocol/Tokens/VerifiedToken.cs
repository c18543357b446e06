namespace Gaia.Protocol;

/// <summary>
/// What a token proves once its signatures have been checked: who signed it and the claims that must still be
/// checked on every request (challenge, expiry, hub URL, revocation). Cached by the hub's TokenVerifier.
/// </summary>
public sealed record VerifiedToken(
    bool IsLegacy,
    string IssuerAddress,
    string Challenge,
    double? ExpiresAt,
    double? IssuedAt,
    string? HubUrl,
    ScopeSet Scopes,
    AssociationClaims? Association);

/// <summary>A verified association token: the identity address that vouches for the bucket key, and its expiry.</summary>
public sealed record AssociationClaims(string IdentityAddress, string ChildAddress, double ExpiresAt);
