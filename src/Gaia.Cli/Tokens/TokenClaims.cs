namespace Gaia.Cli.Tokens;

/// <summary>What goes into a v1 hub token besides <c>iss</c> and <c>salt</c> (spec 3.5).</summary>
/// <param name="Challenge">The hub's <c>challenge_text</c>, verbatim.</param>
/// <param name="HubUrl">The <c>hubUrl</c> claim that hubs with requireCorrectHubUrl check.</param>
/// <param name="IssuedAt">Seconds; hubs compare it with the bucket's revocation timestamp.</param>
/// <param name="Expires">Seconds; omitted means the token never expires.</param>
internal sealed record TokenClaims(
    string Challenge,
    string? HubUrl = null,
    double? IssuedAt = null,
    double? Expires = null,
    IReadOnlyList<TokenScope>? Scopes = null,
    string? AssociationToken = null);
