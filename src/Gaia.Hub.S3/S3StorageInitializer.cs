using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>
/// Checks at start that the bucket can be listed (so a wrong name, endpoint or key stops the hub with the reason) and,
/// with <see cref="S3StorageOptions.CreateBucket"/>, creates it when it does not exist.
/// </summary>
internal sealed class S3StorageInitializer(IAmazonS3 s3, IOptions<S3StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bucket = options.Value.Bucket!;
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNoSuchBucket(e) && options.Value.CreateBucket)
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, UseClientRegion = true }, cancellationToken);
        }
        catch (AmazonS3Exception e)
        {
            var hint = S3Errors.IsNoSuchBucket(e) ? " It does not exist; create it, or set Gaia:S3:CreateBucket=true." : "";
            throw new InvalidOperationException($"Gaia:S3: the bucket '{bucket}' cannot be listed ({(int)e.StatusCode} {e.ErrorCode}: {e.Message}).{hint}", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException)
        {
            var where = string.IsNullOrWhiteSpace(options.Value.ServiceUrl) ? $"AWS ({options.Value.Region})" : options.Value.ServiceUrl;
            throw new InvalidOperationException(
                $"Gaia:S3: cannot list the bucket '{bucket}' at {where} ({e.Message}). Check Gaia:S3:ServiceUrl and the credentials "
                + "(Gaia:S3:AccessKeyId and SecretAccessKey, or the AWS SDK's default chain).", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
