using Gaia.Hub.Configuration;

namespace Gaia.Hub.Tests.Storage;

public sealed class AzureStorageOptionsValidatorTests
{
    private readonly AzureStorageOptionsValidator validator = new();

    [Fact]
    public void AConnectionStringAloneIsEnough() =>
        Assert.True(validator.Validate(null, new AzureStorageOptions { ConnectionString = "UseDevelopmentStorage=true" }).Succeeded);

    [Fact]
    public void BothServiceUrisAreEnough() => Assert.True(validator.Validate(null, new AzureStorageOptions
    {
        BlobServiceUri = "https://acct.blob.core.windows.net",
        TableServiceUri = "https://acct.table.core.windows.net",
        ManagedIdentityClientId = "00000000-0000-0000-0000-000000000000",
    }).Succeeded);

    [Fact]
    public void NoCredentialsAreRefusedNamingBothWays() => Assert.Contains(
        "set Gaia:Azure:ConnectionString (development: 'UseDevelopmentStorage=true' or Azurite's connection string) or both Gaia:Azure:BlobServiceUri and Gaia:Azure:TableServiceUri",
        Failure(new AzureStorageOptions()));

    [Fact]
    public void OneServiceUriAloneIsRefused() => Assert.Contains(
        "must be set together (only BlobServiceUri is set)", Failure(new AzureStorageOptions { BlobServiceUri = "https://acct.blob.core.windows.net" }));

    [Fact]
    public void AConnectionStringAndServiceUrisTogetherAreRefused() => Assert.Contains("not both", Failure(new AzureStorageOptions
    {
        ConnectionString = "UseDevelopmentStorage=true",
        BlobServiceUri = "https://acct.blob.core.windows.net",
        TableServiceUri = "https://acct.table.core.windows.net",
    }));

    [Theory]
    [InlineData("ContainerName", "Hub")]
    [InlineData("ContainerName", "a--b")]
    [InlineData("ContainerName", "ab")]
    [InlineData("TableName", "1table")]
    [InlineData("TableName", "my-table")]
    [InlineData("BlobServiceUri", "not a url")]
    [InlineData("RevocationCacheSeconds", "-1")]
    [InlineData("UploadBlockSizeBytes", "1024")]
    public void ValuesAzureWouldRejectAreRefusedByName(string setting, string value)
    {
        var options = new AzureStorageOptions { BlobServiceUri = "https://a.blob.core.windows.net", TableServiceUri = "https://a.table.core.windows.net" };
        var property = typeof(AzureStorageOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        Assert.Contains($"Gaia:Azure:{setting}", Failure(options));
    }

    private string Failure(AzureStorageOptions options)
    {
        var result = validator.Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }
}
