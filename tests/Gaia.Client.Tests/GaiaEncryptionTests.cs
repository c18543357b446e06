using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gaia.Hub.Tests.Support;
using Gaia.Protocol;

namespace Gaia.Client.Tests;

/// <summary>ECIES and content signatures against envelopes @stacks/encryption 7.6.0 made for key 0 (Appendix A.2).</summary>
public sealed class GaiaEncryptionTests
{
    private const string HexEnvelope =
        "{\"iv\":\"7cc9c5763ed35853dcf476a8654171d5\",\"ephemeralPK\":\"02ddb1d3bed1e1199f3967215fb6e3333f57692daef625b2cc642e0ee3ced6180d\",\"cipherText\":\"36415aea27d83c53e28af32cead21e71de5ea44e1f3e9dad4d9870fe96ac1cba6a94adcf5f4f184779eef12a5290563c\",\"mac\":\"407627b6bc779278fbf6a85320ae6c2b63306c807d26d32527dcad1d5318f111\",\"wasString\":true}";

    private const string Base64Envelope =
        "{\"iv\":\"d6c433887f3359971d4e4d1ba25ab1c7\",\"ephemeralPK\":\"027efba68a1ba9ecbda62181f46cda994fabbaf292a93530f7af0da40dbe4dfc34\",\"cipherText\":\"YbjH/zTQ1RQUg3gHH7wkyg==\",\"mac\":\"7a8244cf65599b5689cd30d1e08179afc7c0201e275e55434cb09caf0b752ef1\",\"wasString\":false,\"cipherTextEncoding\":\"base64\"}";

    private const string SignedEnvelope =
        "{\"signature\":\"30440220714855281f54689a1c78b0b15bf9991bddaf03580a9243e9cd79d5035f0d12de02201bb5411d63010ebc5d3188c8b6ba025d62e2a774648abb233173d019e9d3a1b0\",\"publicKey\":\"03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a7\",\"cipherText\":\"{\\\"iv\\\":\\\"af684a979b7a7c82604e13adaffe727c\\\",\\\"ephemeralPK\\\":\\\"03b7d8e5dd6b00d98c716d90e843b2850922d7cb43714b1d71f17f9635aea76f4d\\\",\\\"cipherText\\\":\\\"UhfTgtII7BGmo6zpTB9npI5mZ+7fmc2XauY1dfDrPQ4=\\\",\\\"mac\\\":\\\"e181cdc63a56999e4616ab6651c3da1021ae6c97b4b0aca97a05879612fa25a3\\\",\\\"wasString\\\":true,\\\"cipherTextEncoding\\\":\\\"base64\\\"}\"}";

    private static readonly BucketKey Key0 = BucketKey.Parse(TestKeys.Key0);

    [Fact]
    public void AHexEnvelopeOfStacksEncryptionDecrypts()
    {
        var (content, wasString) = GaiaEncryption.DecryptContent(Key0, HexEnvelope);

        Assert.True(wasString);
        Assert.Equal("hello gaia from @stacks/encryption 🌞", Encoding.UTF8.GetString(content));
    }

    [Fact]
    public void ABase64EnvelopeOfStacksEncryptionDecrypts()
    {
        var (content, wasString) = GaiaEncryption.DecryptContent(Key0, Base64Envelope);

        Assert.False(wasString);
        Assert.Equal([0, 1, 2, 3, 254, 255], content);
    }

    [Fact]
    public void ASignedEnvelopeOfStacksEncryptionVerifiesAndDecrypts()
    {
        var signed = JsonSerializer.Deserialize<SignedCipherObject>(SignedEnvelope)!;

        Assert.True(GaiaEncryption.VerifyECDSA(Encoding.UTF8.GetBytes(signed.CipherText), signed.PublicKey, signed.Signature));
        Assert.False(GaiaEncryption.VerifyECDSA(Encoding.UTF8.GetBytes(signed.CipherText + " "), signed.PublicKey, signed.Signature));
        Assert.Equal("signed and sealed", Encoding.UTF8.GetString(GaiaEncryption.DecryptContent(Key0, signed.CipherText).Content));
    }

    [Fact]
    public void SignECDSAMatchesStacksEncryptionsDeterministicSignature() =>
        Assert.Equal(new SignatureObject(
                "3045022100c39a22e5e70240559647bb387c472f7fe62b7aaca96665351ab801757e1d6f05022030c4925fe98e372aedfcff8b7db83c4ef1e42c1c7a020ff1e90199db118e2e37",
                TestKeys.PublicKey0),
            GaiaEncryption.SignECDSA(Key0, "plain text to sign"u8));

    [Theory]
    [InlineData(CipherTextEncoding.Hex, "{\"iv\":\"", null)]
    [InlineData(CipherTextEncoding.Base64, "{\"iv\":\"", "base64")]
    public void EnvelopesRoundTripWithTheMembersInStacksOrder(CipherTextEncoding encoding, string start, string? encodingMember)
    {
        var json = GaiaEncryption.EncryptContent(TestKeys.PublicKey0, "round trip"u8, wasString: false, encoding);

        Assert.StartsWith(start, json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        string[] members = ["iv", "ephemeralPK", "cipherText", "mac", "wasString", .. encodingMember is null ? Array.Empty<string>() : ["cipherTextEncoding"]];
        Assert.Equal(members, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("round trip"u8.ToArray(), GaiaEncryption.DecryptContent(Key0, json).Content);
    }

    [Fact]
    public void AnotherKeyOrAnAlteredEnvelopeFailsTheMacCheck()
    {
        var cipher = GaiaEncryption.EncryptECIES(TestKeys.PublicKey0, "secret"u8, wasString: true);
        var altered = cipher with { CipherText = cipher.CipherText[..^2] + (cipher.CipherText[^2..] == "00" ? "01" : "00") };

        Assert.Contains("MAC", Assert.Throws<CryptographicException>(() => GaiaEncryption.DecryptECIES(BucketKey.Parse(TestKeys.Key1), cipher)).Message);
        Assert.Contains("MAC", Assert.Throws<CryptographicException>(() => GaiaEncryption.DecryptECIES(Key0, altered)).Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"signature\":\"00\"}")]
    [InlineData("{\"iv\":\"zz\",\"ephemeralPK\":\"02\",\"cipherText\":\"\",\"mac\":\"\",\"wasString\":true}")]
    public void SomethingThatIsNotAnEnvelopeIsACryptographicException(string text) =>
        Assert.Throws<CryptographicException>(() => GaiaEncryption.DecryptContent(Key0, text));
}
