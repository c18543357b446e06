namespace Gaia.Hub.Authentication;

/// <summary>An authenticated request: the bucket it may use, who signed for it, and its scopes.</summary>
public sealed record GaiaIdentity(string Address, string SigningAddress, ScopeSet Scopes, bool IsLegacy);
