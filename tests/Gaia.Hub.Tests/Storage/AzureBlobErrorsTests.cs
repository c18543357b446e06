using Azure;
using Gaia.Hub.Storage.AzureBlob;

namespace Gaia.Hub.Tests.Storage;

/// <summary>Storage answers that Azurite does not give but Azure does, classified without a service.</summary>
public sealed class AzureBlobErrorsTests
{
    [Theory]
    [InlineData(412, "ConditionNotMet")]
    [InlineData(409, "BlobAlreadyExists")]
    [InlineData(404, "CannotVerifyCopySource")]
    [InlineData(412, null)]
    public void VersionMismatches(int status, string? code) =>
        Assert.True(AzureBlobErrors.IsVersionMismatch(new RequestFailedException(status, "x", code, null)));

    [Theory]
    [InlineData(404, "ContainerNotFound")]
    [InlineData(409, "LeaseIdMissing")]
    [InlineData(400, "InvalidBlockList")]
    public void OtherFailuresAreNotVersionMismatches(int status, string code) =>
        Assert.False(AzureBlobErrors.IsVersionMismatch(new RequestFailedException(status, "x", code, null)));

    [Fact]
    public void ABlockListWhoseBlocksWereDiscardedMeansAnotherUploadWon() =>
        Assert.True(AzureBlobErrors.IsLostBlockList(new RequestFailedException(400, "x", "InvalidBlockList", null)));

    [Theory]
    [InlineData(404, "BlobNotFound", true)]
    [InlineData(404, null, true)]
    [InlineData(404, "ContainerNotFound", false)]
    public void NotFoundMeansTheBlobOnly(int status, string? code, bool expected) =>
        Assert.Equal(expected, AzureBlobErrors.IsNotFound(new RequestFailedException(status, "x", code, null)));
}
