using System.Globalization;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Revocations;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3;

/// <summary>
/// Revocation timestamps in the files' S3 bucket, as the object <c>{address}-auth/authTimestamp</c> holding the decimal
/// seconds (the reference hub's name). A bump reads the object and writes the higher value back conditioned on the
/// ETag it read (<c>If-Match</c>, or <c>If-None-Match: *</c> when there was none), retrying when another writer came
/// first, so on a service that enforces conditional writes bumps from any number of instances end at their maximum.
/// Within one instance bumps also take turns, so there the value never goes down even where conditions are ignored.
/// </summary>
/// <remarks>
/// Reads are cached for <see cref="S3StorageOptions.RevocationCacheSeconds"/> (default 5 s). A revocation made
/// through this instance applies here at once; one made through another instance is honoured here within that bound.
/// </remarks>
public sealed class S3RevocationStore : IRevocationStore, IDisposable
{
    private const int MaxAttempts = 50;
    private readonly SemaphoreSlim bumps = new(1, 1);
    private readonly IAmazonS3 s3;
    private readonly string bucketName;
    private readonly RevocationCache cache;

    public S3RevocationStore(IAmazonS3 s3, IOptions<S3StorageOptions> options)
    {
        this.s3 = s3;
        bucketName = options.Value.Bucket ?? throw new ArgumentException("Gaia:S3:Bucket is not set.", nameof(options));
        cache = new RevocationCache(TimeSpan.FromSeconds(options.Value.RevocationCacheSeconds));
    }

    public async ValueTask<long> GetOldestValidTimestampAsync(string address, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(address, out var cached))
        {
            return cached;
        }

        return cache.Remember(address, (await ReadAsync(address, cancellationToken)).Value);
    }

    public async Task<long> BumpAsync(string address, long timestamp, CancellationToken cancellationToken = default)
    {
        await bumps.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var (current, etag) = await ReadAsync(address, cancellationToken);
                if (current >= timestamp)
                {
                    return cache.Remember(address, current);
                }

                try
                {
                    await WriteAsync(address, timestamp, etag, cancellationToken);
                    return cache.Remember(address, timestamp);
                }
                catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e))
                {
                    // Another instance wrote first: read its value and decide again.
                }
            }
        }
        finally
        {
            bumps.Release();
        }

        throw GaiaException.Conflict("The revocation timestamp kept changing; try again.");
    }

    public void Dispose()
    {
        cache.Dispose();
        bumps.Dispose();
    }

    /// <summary>The stored value (0 when missing or unreadable, as on disk) and the ETag it was read at.</summary>
    private async Task<(long Value, string? ETag)> ReadAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucketName, Key = S3Keys.RevocationKeyOf(address) }, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream, Encoding.ASCII);
            var text = (await reader.ReadToEndAsync(cancellationToken)).Trim();
            return (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0, response.ETag);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return (0, null);
        }
    }

    private async Task WriteAsync(string address, long timestamp, string? etag, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucketName, Key = S3Keys.RevocationKeyOf(address), ContentType = "text/plain; charset=utf-8", UseChunkEncoding = false,
            ContentBody = timestamp.ToString(CultureInfo.InvariantCulture), IfMatch = etag, IfNoneMatch = etag is null ? "*" : null,
        };
        await s3.PutObjectAsync(request, cancellationToken);
    }
}
