using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Gaia.Hub.Configuration;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Authentication;

/// <summary>
/// Verifies token signatures and remembers the result, keyed by SHA-256 of the token, so a reused token costs a
/// hash instead of an ECDSA verification. Bounded: two generations of at most half the capacity each.
/// </summary>
public sealed class TokenVerifier(IOptions<GaiaHubOptions> options, IMeterFactory? meters = null)
{
    private readonly TokenMetrics metrics = new(meters);
    private readonly IReadOnlyList<string> challenges = ChallengeText.AcceptedFor(options.Value.ServerName);
    private readonly int generationSize = Math.Max(1, options.Value.TokenCacheSize / 2);
    private readonly bool enabled = options.Value.TokenCacheSize > 0;
    private readonly Lock rotation = new();
    private ConcurrentDictionary<UInt128, VerifiedToken> current = new();
    private ConcurrentDictionary<UInt128, VerifiedToken> previous = new();

    public IReadOnlyList<string> AcceptedChallenges => challenges;

    /// <summary>Returns the verified claims of <paramref name="authPart"/>, or throws a 401 <c>ValidationError</c>.</summary>
    public VerifiedToken Verify(ReadOnlySpan<char> authPart)
    {
        if (!enabled)
        {
            return metrics.VerifyUncached(authPart, challenges);
        }

        var key = KeyOf(authPart);
        if (current.TryGetValue(key, out var hit))
        {
            metrics.CacheHit();
            return hit;
        }

        if (previous.TryGetValue(key, out hit))
        {
            metrics.CacheHit();
            Remember(key, hit);
            return hit;
        }

        var verified = metrics.VerifyUncached(authPart, challenges);
        Remember(key, verified);
        return verified;
    }

    private void Remember(UInt128 key, VerifiedToken token)
    {
        current[key] = token;
        if (current.Count < generationSize)
        {
            return;
        }

        lock (rotation)
        {
            if (current.Count >= generationSize)
            {
                previous = current;
                current = new ConcurrentDictionary<UInt128, VerifiedToken>();
            }
        }
    }

    /// <remarks>The stack buffer is not zeroed first (SkipLocalsInit): only the bytes GetBytes writes are hashed.</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static UInt128 KeyOf(ReadOnlySpan<char> token)
    {
        Span<byte> hash = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(token.Length);
        var buffer = max <= 4096 ? stackalloc byte[max] : new byte[max];
        SHA256.HashData(buffer[..Encoding.UTF8.GetBytes(token, buffer)], hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }
}
