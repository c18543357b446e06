using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Revocations;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Authentication;

/// <summary>
/// Checks an Authorization header for one bucket (spec 3): the cached signature check, then on every request the
/// address, challenge, expiry, hub URL, association expiry, whitelist and revocation timestamp.
/// </summary>
public sealed class GaiaAuthenticator(
    TokenVerifier verifier, IRevocationStore revocations, IOptions<GaiaHubOptions> options, TimeProvider time)
{
    private readonly HashSet<string> whitelist = new(options.Value.Whitelist, StringComparer.Ordinal);
    private readonly HashSet<string> validHubUrls =
        new(options.Value.ValidHubUrls.Append("https://" + options.Value.ServerName), StringComparer.Ordinal);
    private readonly bool requireCorrectHubUrl = options.Value.RequireCorrectHubUrl;

    /// <param name="checkRevocation">False only for revoke-all, which a revoked token may still call.</param>
    public async ValueTask<GaiaIdentity> AuthenticateAsync(
        string? authorization, string address, bool checkRevocation, CancellationToken cancellationToken = default)
    {
        if (authorization is null || authorization.Length < 7
            || !authorization.StartsWith("bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw GaiaException.Validation("Failed to parse authentication header: expected 'bearer <token>'.");
        }

        var token = verifier.Verify(authorization.AsSpan(7));
        if (token.IssuerAddress != address)
        {
            throw GaiaException.Validation($"The token's key does not own bucket {address}.");
        }

        if (!verifier.AcceptedChallenges.Contains(token.Challenge))
        {
            throw GaiaException.Validation("The token's challenge text is not this hub's.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (token.ExpiresAt < now)
        {
            throw GaiaException.Validation("The token has expired.");
        }

        if (!token.IsLegacy && requireCorrectHubUrl)
        {
            CheckHubUrl(token.HubUrl);
        }

        if (token.Association?.ExpiresAt < now)
        {
            throw GaiaException.Validation("The association token has expired.");
        }

        var signingAddress = token.Association?.IdentityAddress ?? token.IssuerAddress;
        if (whitelist.Count > 0 && !whitelist.Contains(signingAddress))
        {
            throw GaiaException.Validation($"Address {signingAddress} is not authorized for writes on this hub.");
        }

        if (token.IssuedAt > Http.JsonBody.MaxTimestamp)
        {
            throw GaiaException.Validation(
                $"The token's iat is after {Http.JsonBody.MaxTimestamp}, the largest revocation timestamp, so it could never be revoked; iat is in seconds, not milliseconds.");
        }

        if (checkRevocation && !token.IsLegacy)
        {
            var oldestValid = await revocations.GetOldestValidTimestampAsync(address, cancellationToken);
            if (oldestValid > 0 && !(token.IssuedAt >= oldestValid))
            {
                throw new GaiaException(GaiaError.AuthTokenTimestampValidationError,
                    $"The token was issued before {oldestValid}, when the bucket's tokens were revoked; sign a new token with a later iat.");
            }
        }

        return new GaiaIdentity(address, signingAddress, token.Scopes, token.IsLegacy);
    }

    private void CheckHubUrl(string? hubUrl)
    {
        if (string.IsNullOrEmpty(hubUrl))
        {
            throw GaiaException.Validation("The token has no hubUrl claim, and this hub requires one.");
        }

        var normalised = hubUrl.EndsWith('/') ? hubUrl[..^1] : hubUrl;
        if (!validHubUrls.Contains(normalised))
        {
            throw GaiaException.Validation($"The token's hubUrl '{hubUrl}' is not this hub.");
        }
    }
}
