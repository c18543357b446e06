using System.Text;
using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Unprefixed base64-JSON tokens (spec 3.4, 12.1 cases 3–5).</summary>
public sealed class LegacyTokenTests
{
    private readonly GaiaAuthenticator authenticator = Authenticators.Create();

    private static string Challenge(string version) =>
        $"[\"gaiahub\",\"{version}\",\"test-server\",\"blockstack_storage_please_sign\"]";

    private static string LegacyHeader(string json) => "bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("0")]
    [InlineData("2018")]
    [InlineData("2019")]
    public async Task EveryAcceptedChallengeVersionIsValid(string version)
    {
        var identity = await authenticator.CheckAsync(TestTokens.Legacy(TestKeys.Key0, Challenge(version)), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
        Assert.True(identity.IsLegacy);
        Assert.Empty(identity.Scopes.Scopes);
    }

    [Theory]
    [InlineData("[\"potatos\"]")]
    [InlineData("[\"gaiahub\",\"2020\",\"test-server\",\"blockstack_storage_please_sign\"]")]
    [InlineData("[\"gaiahub\",\"0\",\"gaia-0\",\"blockstack_storage_please_sign\"]")]
    public async Task AnyOtherChallengeIsRejected(string challenge) =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Legacy(TestKeys.Key0, challenge), TestKeys.Address0));

    [Fact]
    public async Task ATokenByKey0IsRejectedForKey1sBucket() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Legacy(TestKeys.Key0, Challenge("0")), TestKeys.Address1));

    [Fact]
    public async Task LegacyTokensAreImmuneToRevocation()
    {
        var revocations = new FakeRevocationStore();
        revocations.Set(TestKeys.Address0, 4_102_444_800);

        var identity = await Authenticators.Create(revocations: revocations)
            .CheckAsync(TestTokens.Legacy(TestKeys.Key0, Challenge("0")), TestKeys.Address0);

        Assert.True(identity.IsLegacy);
        Assert.Equal(0, revocations.Reads);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("W10=")]
    public async Task AnUndecodableTokenIsRejected(string authPart) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync("bearer " + authPart, TestKeys.Address0));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"signature\":\"3006020101020101\"}")]
    [InlineData("{\"publickey\":\"03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a7\"}")]
    [InlineData("{\"publickey\":\"zz\",\"signature\":\"3006020101020101\"}")]
    [InlineData("{\"publickey\":\"03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a7\",\"signature\":\"nothex\"}")]
    public async Task ATokenWithoutAUsableKeyOrSignatureIsRejected(string json) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(LegacyHeader(json), TestKeys.Address0));

    [Fact]
    public async Task ANonStrictDerSignatureIsRejected()
    {
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(TestTokens.Legacy(TestKeys.Key0, Challenge("0"))["bearer ".Length..]));
        var withSighash = json.Replace("\"}", "01\"}", StringComparison.Ordinal);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(LegacyHeader(withSighash), TestKeys.Address0));
    }

    [Fact]
    public async Task AnUncompressedPublicKeyOwnsTheCompressedKeysBucket()
    {
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(TestTokens.Legacy(TestKeys.Key0, Challenge("0"))["bearer ".Length..]));
        var uncompressed = Convert.ToHexStringLower(
            Secp256k1.ParsePublicKey(Convert.FromHexString(TestKeys.PublicKey0), compressed: false)!);
        var header = LegacyHeader(json.Replace(TestKeys.PublicKey0, uncompressed, StringComparison.Ordinal));

        var identity = await authenticator.CheckAsync(header, TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }
}
