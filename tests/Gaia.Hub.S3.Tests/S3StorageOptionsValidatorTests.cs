using Gaia.Hub.Configuration;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3.Tests;

public sealed class S3StorageOptionsValidatorTests
{
    private static S3StorageOptions Aws => new() { Bucket = "gaia-hub", Region = "eu-west-1" };

    [Fact]
    public void ABucketAndARegionAreEnoughOnAws() => Assert.True(Validate(Aws).Succeeded);

    [Fact]
    public void ABucketAndAServiceUrlAreEnoughElsewhereWithOrWithoutKeys()
    {
        Assert.True(Validate(new S3StorageOptions { Bucket = "gaia", ServiceUrl = "http://127.0.0.1:9000", ForcePathStyle = true }).Succeeded);
        Assert.True(Validate(new S3StorageOptions
        {
            Bucket = "gaia.files", ServiceUrl = "https://acct.r2.cloudflarestorage.com", Region = "auto", AccessKeyId = "id", SecretAccessKey = "secret",
        }).Succeeded);
    }

    [Theory]
    [InlineData("Bucket", null, "Gaia:S3:Bucket must name the S3 bucket")]
    [InlineData("Bucket", "Gaia_Hub", "Gaia:S3:Bucket must be 3-63 lowercase letters")]
    [InlineData("Bucket", "ab", "Gaia:S3:Bucket must be 3-63 lowercase letters")]
    [InlineData("Region", null, "Gaia:S3:Region is needed on AWS")]
    [InlineData("Region", "EU West", "Gaia:S3:Region must be a region name")]
    [InlineData("ServiceUrl", "minio:9000", "Gaia:S3:ServiceUrl must be an absolute http(s) URL")]
    [InlineData("AccessKeyId", "id", "Gaia:S3:AccessKeyId and Gaia:S3:SecretAccessKey must be set together")]
    [InlineData("SecretAccessKey", "secret", "Gaia:S3:AccessKeyId and Gaia:S3:SecretAccessKey must be set together")]
    [InlineData("RevocationCacheSeconds", "-1", "Gaia:S3:RevocationCacheSeconds must be between 0 and 3600")]
    [InlineData("PartSizeBytes", "5242879", "Gaia:S3:PartSizeBytes must be between 5242880")]
    public void ValuesS3WouldRejectAreRefusedByName(string setting, string? value, string message)
    {
        var options = Aws;
        var property = typeof(S3StorageOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) && value is not null ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        Assert.Contains(message, Failure(options));
    }

    [Fact]
    public void AnUploadLimitAbove5GiBIsRefusedBecauseArchivalCopiesStopThere()
    {
        Assert.True(Validate(Aws, maxUploadMegabytes: 5120).Succeeded);
        Assert.Contains("must be at most 5120 on the s3 driver", Failure(Aws, maxUploadMegabytes: 5120.5));
    }

    private static ValidateOptionsResult Validate(S3StorageOptions options, double maxUploadMegabytes = 20) =>
        new S3StorageOptionsValidator(Options.Create(new GaiaHubOptions { MaxFileUploadSizeMegabytes = maxUploadMegabytes })).Validate(null, options);

    private static string Failure(S3StorageOptions options, double maxUploadMegabytes = 20)
    {
        var result = Validate(options, maxUploadMegabytes);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }
}
