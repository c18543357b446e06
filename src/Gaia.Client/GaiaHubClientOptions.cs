namespace Gaia.Client;

/// <summary>The tokens a <see cref="GaiaHubClient"/> signs, and its time limit on small requests.</summary>
public sealed class GaiaHubClientOptions
{
    /// <summary>An association token, for hubs that whitelist an identity address rather than the bucket key (spec 3.7).</summary>
    public string? AssociationToken { get; set; }

    /// <summary>Restrict the token to these scopes (at most 8); none means the whole bucket.</summary>
    public IList<Gaia.Protocol.AuthScope> Scopes { get; } = [];

    /// <summary>
    /// Put <c>iat</c> (now) in the token (default true), so a later revoke-all can end it and later tokens keep working.
    /// @stacks/storage leaves it out; a bucket revoked once then refuses such tokens for good.
    /// </summary>
    public bool IncludeIssuedAt { get; set; } = true;

    /// <summary>How long a token lives (its <c>exp</c>); null (the default) for no expiry. A new token is signed when one runs out.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>
    /// The longest wait for the small JSON calls (hub_info, list-files, delete, revoke-all), ending in a
    /// <see cref="TimeoutException"/>; null for none. File transfers are never timed: cancel them instead.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
