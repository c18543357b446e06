using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using Gaia.Hub.Tests.Authentication;
using Gaia.Hub.Tests.Support;

namespace Gaia.Protocol.Tests;

/// <summary>The one token signer: what it signs verifies with the one parser, as jsontokens' tokens do.</summary>
public sealed class TokenSignerTests
{
    private static readonly BigInteger HalfOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber) / 2;

    private static readonly IReadOnlyList<string> Challenges = ChallengeText.AcceptedFor("test-server");

    [Fact]
    public void AHubTokenCarriesEveryClaimItWasGiven()
    {
        var key = BucketKey.Parse(TestKeys.Key0);
        var association = TokenSigner.AssociationToken(BucketKey.Parse(TestKeys.Key1), TestKeys.PublicKey0, 1_600_000_000, 4_102_444_800);
        var claims = new HubTokenClaims(Challenges[0], "https://hub.test", 1_700_000_000, 1_800_000_000.5,
            [new AuthScope(AuthScope.PutFilePrefix, "photos/")], association);

        var token = TokenParser.Verify("v1:" + TokenSigner.HubToken(key, claims), Challenges);

        Assert.Equal(new VerifiedToken(false, TestKeys.Address0, Challenges[0], 1_800_000_000.5, 1_700_000_000, "https://hub.test",
            token.Scopes, new AssociationClaims(TestKeys.Address1, TestKeys.Address0, 4_102_444_800)), token);
        Assert.Equal([new AuthScope(AuthScope.PutFilePrefix, "photos/")], token.Scopes.Scopes);
    }

    [Fact]
    public void ALegacyTokenVerifiesForTheChallengeItSigned()
    {
        var token = TokenParser.Verify(TokenSigner.LegacyToken(BucketKey.Parse(TestKeys.Key1), Challenges[2]), Challenges);

        Assert.True(token.IsLegacy);
        Assert.Equal(TestKeys.Address1, token.IssuerAddress);
        Assert.Equal(Challenges[2], token.Challenge);
    }

    [Fact]
    public void SignaturesAreLowSAndDeterministic()
    {
        var key = BucketKey.Parse(TestKeys.Key0);
        for (var i = 0; i < 32; i++)
        {
            var digest = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));
            var signature = key.Sign(digest);

            Assert.Equal(signature, key.Sign(digest));
            Assert.True(new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true) <= HalfOrder);
        }
    }

    [Fact]
    public void TheHighSFormOfASignatureVerifiesToo()
    {
        var key = BucketKey.Parse(TestKeys.Key0);
        var digest = System.Security.Cryptography.SHA256.HashData("gaia"u8);
        var signature = key.Sign(digest);
        var order = HalfOrder * 2 + 1;
        var highS = (order - new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] high = [.. signature.AsSpan(0, 32), .. new byte[32 - highS.Length], .. highS];

        Assert.True(Secp256k1.Verify(Convert.FromHexString(TestKeys.PublicKey0), digest, high));
        Assert.True(Secp256k1.Verify(Convert.FromHexString(TestKeys.PublicKey0), digest, Secp256k1.ToDer(high)));
        Assert.False(Secp256k1.Verify(Convert.FromHexString(TestKeys.PublicKey1), digest, high));
    }

    [Theory]
    [InlineData(nameof(AppendixVectors.Valid), true)]
    [InlineData(nameof(AppendixVectors.HighS), true)]
    [InlineData(nameof(AppendixVectors.Scoped), true)]
    [InlineData(nameof(AppendixVectors.Associated), true)]
    [InlineData(nameof(AppendixVectors.Tampered), false)]
    public void AppendixA3TokensVerifyOnTheParserAlone(string name, bool valid)
    {
        var jwt = (string)typeof(AppendixVectors).GetField(name)!.GetValue(null)!;

        if (valid)
        {
            Assert.Equal(TestKeys.Address0, TokenParser.Verify("v1:" + jwt, Challenges).IssuerAddress);
        }
        else
        {
            Assert.Throws<GaiaException>(() => TokenParser.Verify("v1:" + jwt, Challenges));
        }
    }

    [Fact]
    public void SignJwtWritesJsontokensHeader() =>
        Assert.Equal("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"u8.ToArray(),
            Base64Url.DecodeFromChars(TokenSigner.SignJwt(BucketKey.Parse(TestKeys.Key0), "{}"u8).Split('.')[0]));
}
