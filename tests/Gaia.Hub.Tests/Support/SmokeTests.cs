using Gaia.Hub.Authentication;

namespace Gaia.Hub.Tests.Support;

public sealed class TestTokensTests
{
    [Fact]
    public void KeysOfAppendixA2DeriveTheirAddresses()
    {
        Assert.Equal(TestKeys.PublicKey0, Convert.ToHexStringLower(Secp256k1.PublicKeyOf(Convert.FromHexString(TestKeys.Key0))));
        Assert.Equal(TestKeys.Address0, BitcoinAddress.FromPublicKeyHex(TestKeys.PublicKey0));
        Assert.Equal(TestKeys.Address1, BitcoinAddress.FromPublicKeyHex(TestKeys.PublicKey1));
    }
}
