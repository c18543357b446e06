using Gaia.Hub.Storage;

namespace Gaia.Hub.S3.Tests;

/// <summary>A test of the S3 driver over its own test bucket, writing to Gaia bucket <see cref="Bucket"/>.</summary>
public abstract class S3DriverTest(MotoFixture moto, string cacheControl = "no-cache") : IAsyncLifetime
{
    protected const string Bucket = "1S3Bucket";
    protected const int Part = S3StorageOptionsValidator.MinPartSize;

    private protected S3TestStorage Storage { get; private set; } = null!;

    protected S3StorageDriver Driver { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Storage = await S3TestStorage.CreateAsync(moto);
        Driver = Storage.Driver(cacheControl);
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<string> WriteAsync(string path, Stream content, string contentType = "application/octet-stream") =>
        Driver.WriteAsync(new WriteRequest(Bucket, path, content, contentType, WriteCondition.None), Token);

    protected async Task<byte[]> ReadAllAsync(string path)
    {
        await using var file = await Driver.ReadAsync(Bucket, path, Token);
        using var bytes = new MemoryStream();
        await file!.Content.CopyToAsync(bytes, Token);
        return bytes.ToArray();
    }
}
