using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>The legacy token of the spec's Appendix A.1 and the key table of A.2.</summary>
public sealed class AppendixKeyVectorTests
{
    [Theory]
    [InlineData("bearer ")]
    [InlineData("BeArEr ")]
    public async Task LegacyTokenA1IsValidForItsAddressOnStorageBlockstackOrg(string prefix)
    {
        var authenticator = Authenticators.Create(o => o.ServerName = AppendixVectors.LegacyA1ServerName);

        var identity = await authenticator.CheckAsync(prefix + AppendixVectors.LegacyA1, AppendixVectors.LegacyA1Address);

        Assert.Equal(AppendixVectors.LegacyA1Address, identity.Address);
        Assert.Equal(AppendixVectors.LegacyA1Address, identity.SigningAddress);
        Assert.True(identity.IsLegacy);
        Assert.Empty(identity.Scopes.Scopes);
    }

    [Fact]
    public async Task LegacyTokenA1IsInvalidForAnotherAddress()
    {
        var authenticator = Authenticators.Create(o => o.ServerName = AppendixVectors.LegacyA1ServerName);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync("bearer " + AppendixVectors.LegacyA1, TestKeys.Address0));
    }

    [Fact]
    public async Task LegacyTokenA1IsInvalidOnAServerWithAnotherName()
    {
        var authenticator = Authenticators.Create();

        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync("bearer " + AppendixVectors.LegacyA1, AppendixVectors.LegacyA1Address));
    }

    [Fact]
    public void LegacyTokenA1SignsOnlyThe2018Challenge()
    {
        using var body = JsonDocument.Parse(Convert.FromBase64String(AppendixVectors.LegacyA1));
        var key = Convert.FromHexString(body.RootElement.GetProperty("publickey").GetString()!);
        var signature = Convert.FromHexString(body.RootElement.GetProperty("signature").GetString()!);
        Assert.True(DerSignature.TryParse(signature, out _, out _));

        var verifies = ChallengeText.AcceptedFor(AppendixVectors.LegacyA1ServerName)
            .Select(challenge => Secp256k1.Verify(key, SHA256.HashData(Encoding.UTF8.GetBytes(challenge)), signature))
            .ToArray();

        bool[] expected = [false, true, false];
        Assert.Equal(expected, verifies);
        Assert.Equal(
            "[\"gaiahub\",\"2018\",\"storage.blockstack.org\",\"blockstack_storage_please_sign\"]",
            ChallengeText.AcceptedFor(AppendixVectors.LegacyA1ServerName)[1]);
    }

    [Theory]
    [InlineData("L4kMoaVivcd1FMPPwRU9XT2PdKHPob3oo6YmgTBHrnBHMmo7GcCf", TestKeys.Key0, TestKeys.PublicKey0, TestKeys.Address0)]
    [InlineData("L3W7EzxYNdG3kBjtQmhKEq2iiZAwpiKEwMobXdaY9xueSUFPkQeH", TestKeys.Key1, TestKeys.PublicKey1, TestKeys.Address1)]
    public void KeysOfAppendixA2MapToTheirPublicKeysAndAddresses(string wif, string privateKey, string publicKey, string address)
    {
        var decoded = NBitcoin.DataEncoders.Encoders.Base58.DecodeData(wif);
        Assert.Equal(38, decoded.Length);
        Assert.Equal(0x80, decoded[0]);
        Assert.Equal(privateKey, Convert.ToHexStringLower(decoded[1..33]));
        Assert.Equal(0x01, decoded[33]);
        Assert.Equal(SHA256.HashData(SHA256.HashData(decoded[..34]))[..4], decoded[34..]);

        Assert.Equal(publicKey, Convert.ToHexStringLower(Secp256k1.PublicKeyOf(Convert.FromHexString(privateKey))));
        Assert.Equal(address, BitcoinAddress.FromPublicKeyHex(publicKey));
    }

    [Fact]
    public void Key0sUncompressedPublicKeyMapsToTheSameBucket()
    {
        var uncompressed = Secp256k1.ParsePublicKey(Convert.FromHexString(TestKeys.PublicKey0), compressed: false);
        Assert.NotNull(uncompressed);
        Assert.Equal(65, uncompressed.Length);
        Assert.Equal(0x04, uncompressed[0]);

        Assert.Equal(TestKeys.Address0, BitcoinAddress.FromPublicKeyHex(Convert.ToHexStringLower(uncompressed)));
        Assert.Equal(TestKeys.PublicKey0, Convert.ToHexStringLower(Secp256k1.ParsePublicKey(uncompressed)!));
    }

    [Fact]
    public void HashingTheUncompressedBytesAsTheyAreGivesTheClientHelpersAddress()
    {
        var uncompressed = Secp256k1.ParsePublicKey(Convert.FromHexString(TestKeys.PublicKey0), compressed: false)!;

        Assert.Equal("17bfffikSJsmKfGq7HYULcw8Lgg61usWUs", BitcoinAddress.FromCompressedKey(uncompressed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("03cc")]
    [InlineData("zz")]
    [InlineData("0200000000000000000000000000000000000000000000000000000000000005")]
    [InlineData("020000000000000000000000000000000000000000000000000000000000000005")]
    public void NonKeysHaveNoAddress(string publicKeyHex) => Assert.Null(BitcoinAddress.FromPublicKeyHex(publicKeyHex));
}
