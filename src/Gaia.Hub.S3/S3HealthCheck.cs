using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>Readiness of the s3 driver: the bucket answers a one-key listing (one cheap request, the start-up check's).</summary>
internal sealed class S3HealthCheck(IAmazonS3 s3, IOptions<S3StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.Value.Bucket, MaxKeys = 1 }, cancellationToken);
            return HealthCheckResult.Healthy("The S3 bucket is reachable.");
        }
        catch (AmazonS3Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The S3 bucket answered {(int)e.StatusCode} {e.ErrorCode}.", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The S3 service is unreachable.", e);
        }
    }
}
