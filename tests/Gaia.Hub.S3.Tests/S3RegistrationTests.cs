using Amazon.S3;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Gaia.Hub.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3.Tests;

/// <summary><c>Gaia:Driver = s3</c> in the hub's one registration, and the start-up checks of the bucket.</summary>
public sealed class S3RegistrationTests(MotoFixture moto)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void TheS3DriverAndRevocationStoreShareOneClientForTheConfiguredEndpoint()
    {
        using var host = Build(new() { ["Gaia:S3:Bucket"] = "files", ["Gaia:S3:ServiceUrl"] = "http://127.0.0.1:9", ["Gaia:S3:ForcePathStyle"] = "true" });

        var driver = Assert.IsType<S3StorageDriver>(StorageDriverTelemetry.Unwrap(host.Services.GetRequiredService<IStorageDriver>()));
        Assert.IsType<S3RevocationStore>(host.Services.GetRequiredService<IRevocationStore>());
        var config = Assert.IsType<AmazonS3Config>(host.Services.GetRequiredService<IAmazonS3>().Config);
        Assert.Equal(("files", "http://127.0.0.1:9/", true, "us-east-1"), (driver.BucketName, config.ServiceURL, config.ForcePathStyle, config.AuthenticationRegion));
    }

    [Fact]
    public void AHostWithoutTheS3RegistrationRefusesTheDriverByName()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Gaia:Driver"] = "s3";

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddGaiaHub());

        Assert.Contains("Gaia:Driver 's3' is not available in this host", error.Message);
    }

    [Fact]
    public async Task TheHostRefusesToStartWithoutABucket()
    {
        using var host = Build(new() { ["Gaia:S3:Region"] = "us-east-1" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("Gaia:S3:Bucket must name the S3 bucket", error.Message);
    }

    [Fact]
    public async Task AMissingBucketStopsTheHostUnlessItMayCreateIt()
    {
        var bucket = "t" + Guid.NewGuid().ToString("N");
        using (var refusing = Build(Settings(bucket)))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => refusing.StartAsync(Token));
            Assert.Contains($"the bucket '{bucket}' cannot be listed (404 NoSuchBucket", error.Message);
            Assert.Contains("set Gaia:S3:CreateBucket=true", error.Message);
        }

        var creating = Settings(bucket);
        creating["Gaia:S3:CreateBucket"] = "true";
        using var host = Build(creating);
        await host.StartAsync(Token);
        using var client = moto.CreateClient();
        Assert.Contains(bucket, (await client.ListBucketsAsync(Token)).Buckets!.Select(b => b.BucketName));
        await host.StopAsync(Token);
        await client.DeleteBucketAsync(bucket, Token);
    }

    [Fact]
    public async Task AnUnreachableServiceStopsTheHostNamingTheEndpoint()
    {
        var settings = Settings("gaia");
        settings["Gaia:S3:ServiceUrl"] = "http://127.0.0.1:9";
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Token));

        Assert.Contains("Gaia:S3: cannot list the bucket 'gaia' at http://127.0.0.1:9", error.Message);
    }

    private Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Gaia:S3:Bucket"] = bucket, ["Gaia:S3:ServiceUrl"] = moto.ServiceUrl, ["Gaia:S3:ForcePathStyle"] = "true",
        ["Gaia:S3:AccessKeyId"] = "test", ["Gaia:S3:SecretAccessKey"] = "test",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Gaia:Driver"] = "s3";
        builder.AddGaiaHub(addS3Storage: services => services.AddS3Storage());
        return builder.Build();
    }
}
