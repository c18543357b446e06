using BenchmarkDotNet.Attributes;
using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Revocations;
using Gaia.Protocol;
using Microsoft.Extensions.Options;

namespace Gaia.Bench.Micro;

/// <summary>
/// Token verification as a store or list-files request pays it: the first use of a token (parse, two JSON documents,
/// one ECDSA verification, address derivation) and later uses (SHA-256 of the token and a dictionary hit), plus the
/// whole per-request check of <see cref="GaiaAuthenticator"/> around a cached verification.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private readonly TokenVerifier uncached = new(Options.Create(new GaiaHubOptions { TokenCacheSize = 0 }));
    private readonly TokenVerifier cached = new(Options.Create(new GaiaHubOptions()));
    private string token = "";
    private string address = "";
    private GaiaAuthenticator authenticator = null!;

    [GlobalSetup]
    public void Setup()
    {
        (token, address, _) = BenchTokens.Mint();
        authenticator = new GaiaAuthenticator(cached, new NeverRevoked(), Options.Create(new GaiaHubOptions()), TimeProvider.System);
        _ = cached.Verify(token);
    }

    [Benchmark(Description = "verify, first use (no cache)")]
    public VerifiedToken VerifyFirstUse() => uncached.Verify(token);

    [Benchmark(Description = "verify, cached")]
    public VerifiedToken VerifyCached() => cached.Verify(token);

    [Benchmark(Description = "authenticate request, cached token")]
    public ValueTask<GaiaIdentity> AuthenticateCached() => authenticator.AuthenticateAsync("bearer " + token, address, checkRevocation: true);

    private sealed class NeverRevoked : IRevocationStore
    {
        public ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default) => ValueTask.FromResult(0L);

        public Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default) => Task.FromResult(timestamp);
    }
}
