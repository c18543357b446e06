using Gaia.Hub.Tests.Support;

namespace Gaia.Protocol.Tests;

/// <summary>Bucket keys as users and @stacks/storage write them.</summary>
public sealed class BucketKeyTests
{
    [Theory]
    [InlineData(TestKeys.Key0)]
    [InlineData("  0x" + TestKeys.Key0 + "\n")]
    [InlineData(TestKeys.Key0 + "01")]
    public void AKeyInAnyUsualFormOwnsItsBucket(string text)
    {
        var key = BucketKey.Parse(text);

        Assert.Equal(TestKeys.Address0, key.Address);
        Assert.Equal(TestKeys.PublicKey0, key.PublicKeyHex);
        Assert.Equal(TestKeys.Key0, key.PrivateKeyHex);
    }

    [Theory]
    [InlineData("", "64 hex digits")]
    [InlineData("zz", "64 hex digits")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "out of range")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", "out of range")]
    public void ANonKeyIsAFormatErrorSayingWhy(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => BucketKey.Parse(text)).Message);

    [Fact]
    public void NewKeysDiffer() => Assert.NotEqual(BucketKey.New().Address, BucketKey.New().Address);

    [Fact]
    public void BothSidesOfAnEcdhGetTheSameSecret()
    {
        var a = BucketKey.Parse(TestKeys.Key0);
        var b = BucketKey.Parse(TestKeys.Key1);

        var secret = a.SharedSecret(Convert.FromHexString(TestKeys.PublicKey1));

        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, b.SharedSecret(Convert.FromHexString(TestKeys.PublicKey0)));
    }
}
