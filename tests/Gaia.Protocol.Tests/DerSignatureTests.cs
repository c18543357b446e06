namespace Gaia.Protocol.Tests;

/// <summary>Strict DER (BIP-66) parsing of legacy-token signatures (spec 3.4).</summary>
public sealed class DerSignatureTests
{
    private const string AppendixA1Signature =
        "30440220698506ccb87085ff9db7e78120a5f265c11ff487890e4451fcac760859208cec022056dcb48e2c18cf0f4546b2d73b60681c98123422b394ef4d1b62175628483504";

    [Fact]
    public void TheAppendixA1SignatureSplitsIntoRAndS()
    {
        Assert.True(DerSignature.TryParse(Convert.FromHexString(AppendixA1Signature), out var r, out var s));

        Assert.Equal("698506ccb87085ff9db7e78120a5f265c11ff487890e4451fcac760859208cec", Convert.ToHexStringLower(r));
        Assert.Equal("56dcb48e2c18cf0f4546b2d73b60681c98123422b394ef4d1b62175628483504", Convert.ToHexStringLower(s));
    }

    [Theory]
    [InlineData("3006020101020102", "01", "02")]
    [InlineData("300702020081020101", "0081", "01")]
    [InlineData("300702010102020080", "01", "0080")]
    public void MinimalIntegersAreAccepted(string der, string expectedR, string expectedS)
    {
        Assert.True(DerSignature.TryParse(Convert.FromHexString(der), out var r, out var s));

        Assert.Equal(expectedR, Convert.ToHexStringLower(r));
        Assert.Equal(expectedS, Convert.ToHexStringLower(s));
    }

    [Theory]
    [InlineData("3006020181020101")]
    [InlineData("3006020101020181")]
    public void NegativeIntegersAreRejected(string der) => AssertRejected(der);

    [Theory]
    [InlineData("300702020001020101")]
    [InlineData("300702010102020001")]
    public void UnnecessaryZeroPaddingIsRejected(string der) => AssertRejected(der);

    [Theory]
    [InlineData("3106020101020101")]
    [InlineData("3006030101020101")]
    [InlineData("3006020101030101")]
    public void WrongTagsAreRejected(string der) => AssertRejected(der);

    [Theory]
    [InlineData("3007020101020101")]
    [InlineData("3005020101020101")]
    [InlineData("3006020201020101")]
    [InlineData("3006020101020201")]
    [InlineData("300602010102010100")]
    public void InconsistentLengthsAreRejected(string der) => AssertRejected(der);

    [Theory]
    [InlineData("3006020002020101")]
    [InlineData("3006020101020001")]
    public void EmptyIntegersAreRejected(string der) => AssertRejected(der);

    [Theory]
    [InlineData("")]
    [InlineData("30050201010201")]
    public void TooShortInputIsRejected(string der) => AssertRejected(der);

    [Fact]
    public void InputLongerThan72BytesIsRejected() =>
        AssertRejected("3047" + "022100" + new string('f', 64) + "02220001" + new string('f', 64));

    [Fact]
    public void ASignatureWithItsSighashByteStillAttachedIsRejected() => AssertRejected(AppendixA1Signature + "01");

    private static void AssertRejected(string der)
    {
        Assert.False(DerSignature.TryParse(Convert.FromHexString(der), out var r, out var s));
        Assert.Empty(r);
        Assert.Empty(s);
    }
}
