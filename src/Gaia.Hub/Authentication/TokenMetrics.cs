using System.Diagnostics.Metrics;

namespace Gaia.Hub.Authentication;

/// <summary>
/// Counts token signature verifications on the meter <see cref="MeterName"/> as <c>gaia.hub.token.verifications</c>,
/// tagged with whether the verified-token cache answered (<c>gaia.token.cache</c> = hit | miss) and the outcome
/// (<c>gaia.token.result</c> = valid | invalid). Without a meter factory it counts nothing. Never sees a token's text.
/// </summary>
public sealed class TokenMetrics(IMeterFactory? meters)
{
    public const string MeterName = "Gaia.Hub";

    private static readonly KeyValuePair<string, object?> Hit = new("gaia.token.cache", "hit");
    private static readonly KeyValuePair<string, object?> Miss = new("gaia.token.cache", "miss");
    private static readonly KeyValuePair<string, object?> Valid = new("gaia.token.result", "valid");
    private static readonly KeyValuePair<string, object?> Invalid = new("gaia.token.result", "invalid");

    private readonly Counter<long>? verifications = meters?.Create(MeterName).CreateCounter<long>(
        "gaia.hub.token.verifications", "{verification}",
        "Token signature checks, by whether the verified-token cache answered and by outcome.");

    /// <summary>A token found in the cache of verified tokens.</summary>
    public void CacheHit() => verifications?.Add(1, Hit, Valid);

    /// <summary>Verifies a token the cache did not hold (<see cref="TokenParser.Verify"/>) and counts the outcome.</summary>
    public VerifiedToken VerifyUncached(ReadOnlySpan<char> authPart, IReadOnlyList<string> challenges)
    {
        try
        {
            var verified = TokenParser.Verify(authPart, challenges);
            verifications?.Add(1, Miss, Valid);
            return verified;
        }
        catch
        {
            verifications?.Add(1, Miss, Invalid);
            throw;
        }
    }
}
