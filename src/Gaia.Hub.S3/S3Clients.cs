using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Gaia.Hub.S3;

/// <summary>The one S3 client of the hub, built from <see cref="S3StorageOptions"/> (it is thread-safe and kept for the process).</summary>
public static class S3Clients
{
    public const string DefaultSigningRegion = "us-east-1";

    /// <param name="httpClientFactory">Where the SDK gets its HttpClients (a proxy, a test's message handler); null for the SDK's own.</param>
    public static AmazonS3Client Create(S3StorageOptions options, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, HttpClientFactory = httpClientFactory };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? DefaultSigningRegion : options.Region;

            // Since early 2025 the SDK adds CRC32 trailers to every upload; several S3-compatible services refuse them.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return string.IsNullOrWhiteSpace(options.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }
}
