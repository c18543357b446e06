using Gaia.Protocol;

namespace Gaia.Client;

/// <summary>
/// The Authorization header of a client: a v1 token bound to the hub's challenge (a legacy token for hubs that do not
/// speak v1, as <c>connectToGaiaHub</c> does), signed once and again only when it is about to expire.
/// </summary>
internal sealed class HubTokens(string hubUrl, BucketKey? key, GaiaHubClientOptions options)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(30);
    private readonly Lock gate = new();
    private string? authorization;
    private DateTimeOffset? expires;

    public string Authorization(HubInfo info)
    {
        var signer = key ?? throw new InvalidOperationException("This client was made without a bucket key.");
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (authorization is not null && (expires is null || now < expires - RenewBefore))
            {
                return authorization;
            }

            if (!SpeaksV1(info.LatestAuthVersion))
            {
                authorization = "bearer " + TokenSigner.LegacyToken(signer, info.ChallengeText!);
                return authorization;
            }

            expires = options.TokenLifetime is { } lifetime ? now + lifetime : null;
            var claims = new HubTokenClaims(info.ChallengeText!, hubUrl,
                options.IncludeIssuedAt ? now.ToUnixTimeSeconds() : null, expires?.ToUnixTimeSeconds(),
                [.. options.Scopes], options.AssociationToken);
            authorization = "bearer v1:" + TokenSigner.HubToken(signer, claims);
            return authorization;
        }
    }

    /// <summary><c>latest_auth_version</c> is <c>v1</c> or later (<c>parseInt(version.slice(1)) &gt;= 1</c>).</summary>
    private static bool SpeaksV1(string? version) =>
        version is { Length: > 1 } && int.TryParse(version.AsSpan(1).TrimEnd("abcdefghijklmnopqrstuvwxyz."), out var number) && number >= 1;
}
