namespace Gaia.Protocol;

/// <summary>What goes into a v1 hub token besides <c>iss</c> and <c>salt</c> (spec 3.5).</summary>
/// <param name="Challenge">The hub's <c>challenge_text</c>, verbatim.</param>
/// <param name="HubUrl">The <c>hubUrl</c> claim that hubs with requireCorrectHubUrl check.</param>
/// <param name="IssuedAt">Seconds; hubs compare it with the bucket's revocation timestamp.</param>
/// <param name="Expires">Seconds; omitted means the token never expires.</param>
/// <param name="Scopes">At most 8 restrictions (spec 3.9); none means the whole bucket.</param>
/// <param name="AssociationToken">For hubs that whitelist an identity address (spec 3.7).</param>
public sealed record HubTokenClaims(
    string Challenge,
    string? HubUrl = null,
    double? IssuedAt = null,
    double? Expires = null,
    IReadOnlyList<AuthScope>? Scopes = null,
    string? AssociationToken = null);
