using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Gaia.Hub.Configuration;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.S3.Tests;

/// <summary>One randomly named S3 bucket on the test server for one test: drivers and stores over it, and its removal.</summary>
internal sealed class S3TestStorage(MotoFixture moto, HttpClientFactory? httpClientFactory = null) : IAsyncDisposable
{
    public string BucketName { get; } = "t" + Guid.NewGuid().ToString("N");

    /// <summary>A client that sees the server as it is (whatever <c>httpClientFactory</c> the drivers were given).</summary>
    public AmazonS3Client Client { get; } = moto.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<S3TestStorage> CreateAsync(MotoFixture moto, HttpClientFactory? httpClientFactory = null)
    {
        var storage = new S3TestStorage(moto, httpClientFactory);
        await storage.Client.PutBucketAsync(new PutBucketRequest { BucketName = storage.BucketName }, Token);
        return storage;
    }

    public S3StorageDriver Driver(string cacheControl = "no-cache") => new(
        S3Clients.Create(moto.Options(BucketName), httpClientFactory),
        Options.Create(moto.Options(BucketName)),
        Options.Create(new GaiaHubOptions { CacheControl = cacheControl }));

    public S3RevocationStore RevocationStore(int cacheSeconds = 5)
    {
        var options = moto.Options(BucketName);
        options.RevocationCacheSeconds = cacheSeconds;
        return new S3RevocationStore(S3Clients.Create(options, httpClientFactory), Options.Create(options));
    }

    /// <summary>Every key in the bucket, the way S3 itself lists them.</summary>
    public async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = BucketName };
        ListObjectsV2Response response;
        do
        {
            response = await Client.ListObjectsV2Async(request, Token);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }

    /// <summary>The multipart uploads the server still holds (started and neither completed nor aborted).</summary>
    public async Task<List<MultipartUpload>> MultipartUploadsAsync() =>
        (await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = BucketName }, Token)).MultipartUploads ?? [];

    public async ValueTask DisposeAsync()
    {
        foreach (var upload in await MultipartUploadsAsync())
        {
            await Client.AbortMultipartUploadAsync(BucketName, upload.Key, upload.UploadId, Token);
        }

        foreach (var key in await KeysAsync())
        {
            await Client.DeleteObjectAsync(BucketName, key, Token);
        }

        await Client.DeleteBucketAsync(BucketName, Token);
        Client.Dispose();
    }
}
