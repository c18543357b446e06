using System.Security.Cryptography;
using Gaia.Hub.Storage;
using Gaia.Hub.Tests.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>The driver contract over the S3 test server, in a fresh bucket per test that is emptied and deleted afterwards.</summary>
public sealed class S3StorageDriverContractTests(MotoFixture moto) : StorageDriverContract
{
    private S3TestStorage? storage;

    /// <summary>Just over one part: "large" files are multipart uploads of two or more parts.</summary>
    protected override int LargeFileSize => S3StorageOptionsValidator.MinPartSize + 100;

    protected override async Task<IStorageDriver> CreateDriverAsync()
    {
        storage = await S3TestStorage.CreateAsync(moto);
        return storage.Driver();
    }

    protected override async Task DisposeDriverAsync()
    {
        Assert.Empty(await storage!.MultipartUploadsAsync());
        await storage.DisposeAsync();
    }

    /// <summary>A single PutObject's ETag is the MD5 of its bytes; a multipart upload's is <c>{md5 of the part MD5s}-{parts}</c>.</summary>
    protected override void AssertETagFormat(string etag, byte[] content) =>
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), etag);
}
