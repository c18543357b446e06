using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>
/// Headers minted by the real client library (jsontokens 3.1.1, tests/vectors/make-vectors.mjs), each checked against
/// the recorded outcome: no whitelist, no revocation, requireCorrectHubUrl off.
/// </summary>
public sealed class JsontokensVectorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly BigInteger HalfOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber) / 2;

    private static readonly Lazy<IReadOnlyList<TokenVector>> Vectors = new(() => JsonSerializer.Deserialize<TokenVector[]>(
        File.ReadAllBytes(Path.Join(AppContext.BaseDirectory, "Vectors", "jsontokens-vectors.json")), Json)!);

    public static TheoryData<string> ValidCases => new(Vectors.Value.Where(v => v.Valid).Select(v => v.Name));

    public static TheoryData<string> InvalidCases => new(Vectors.Value.Where(v => !v.Valid).Select(v => v.Name));

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task ValidCasesAuthenticateWithTheRecordedSigningAddressAndScopes(string name)
    {
        var vector = Vectors.Value.Single(v => v.Name == name);

        var identity = await Authenticators.Create(o => o.ServerName = vector.ServerName).CheckAsync(vector.Authorization, vector.Address);

        Assert.Equal(vector.Address, identity.Address);
        Assert.Equal(vector.SigningAddress, identity.SigningAddress);
        Assert.Equal(vector.Kind == "legacy", identity.IsLegacy);
        Assert.Equal(vector.Scopes ?? [], identity.Scopes.Scopes);
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ValidCasesCarryTheRecordedExpiryAndIssueTime(string name)
    {
        var vector = Vectors.Value.Single(v => v.Name == name);
        var verifier = new TokenVerifier(Options.Create(new GaiaHubOptions { ServerName = vector.ServerName }));

        var token = verifier.Verify(vector.Authorization.AsSpan(7));

        Assert.Equal(vector.Exp is 0 ? null : vector.Exp, token.ExpiresAt);
        Assert.Equal(vector.Iat is 0 ? null : vector.Iat, token.IssuedAt);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task InvalidCasesAreRejectedWithAValidationError(string name)
    {
        var vector = Vectors.Value.Single(v => v.Name == name);

        var error = await Authenticators.Create(o => o.ServerName = vector.ServerName).RejectionAsync(vector.Authorization, vector.Address);

        Assert.Equal(GaiaError.ValidationError, error);
    }

    [Fact]
    public void TheFileHasValidV1CasesWithHighAndLowSSignatures()
    {
        var v1 = Vectors.Value.Where(v => v.Kind == "v1" && v.Valid).ToList();

        Assert.Contains(v1, v => v.HighS == true);
        Assert.Contains(v1, v => v.HighS == false);
        Assert.Contains(Vectors.Value, v => v.Kind == "legacy" && v.Valid);
        Assert.Contains(Vectors.Value, v => v.Kind == "legacy" && !v.Valid);
    }

    [Fact]
    public void TheHighSFlagOfEveryV1CaseMatchesItsSignature()
    {
        foreach (var vector in Vectors.Value.Where(v => v.Kind == "v1" && v.Authorization.Split('.').Length == 3))
        {
            var signature = RawTokens.SignatureOf(vector.Authorization);
            var s = new BigInteger(signature.AsSpan(32, Math.Min(32, signature.Length - 32)), isUnsigned: true, isBigEndian: true);

            Assert.True(vector.HighS == s > HalfOrder, vector.Name);
        }
    }

    [Fact]
    public void CaseNamesAreUnique() =>
        Assert.Equal(Vectors.Value.Count, Vectors.Value.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());

    private sealed record TokenVector(
        string Name,
        string Kind,
        string ServerName,
        string Address,
        string Authorization,
        bool Valid,
        string? SigningAddress,
        AuthScope[]? Scopes,
        double? Exp,
        double? Iat,
        bool? HighS);
}
