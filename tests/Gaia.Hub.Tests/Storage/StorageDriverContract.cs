using System.Text;
using Gaia.Hub.Storage;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// What every <see cref="IStorageDriver"/> does alike (spec 9.1 and the interface's docs). Each driver has a small
/// subclass that creates a fresh, empty store for every test. This part: writing, reading, stat, listing, delete, rename.
/// </summary>
public abstract partial class StorageDriverContract : IAsyncLifetime
{
    protected const string Bucket = "1ContractBucket";
    protected const string OtherBucket = "1ContractBucketB";

    protected IStorageDriver Driver { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A size that takes the driver's multi-block upload path, if it has one.</summary>
    protected virtual int LargeFileSize => 200 * 1024;

    public async ValueTask InitializeAsync() => Driver = await CreateDriverAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeDriverAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task WrittenBytesReadBackWithTheirContentTypeAndTheSameETag()
    {
        var content = "hello world"u8.ToArray();
        var etag = await WriteAsync("notes/hello.txt", content, "text/plain; charset=utf-8");

        await using var file = await Driver.ReadAsync(Bucket, "notes/hello.txt", Token);
        Assert.NotNull(file);
        Assert.Equal(content, await BytesOfAsync(file.Content));
        Assert.Equal("text/plain; charset=utf-8", file.Stat.ContentType);
        Assert.Equal(etag, file.Stat.ETag);
        Assert.Equal(etag, (await Driver.StatAsync(Bucket, "notes/hello.txt", Token))!.ETag);
        Assert.DoesNotContain('"', etag);
        AssertETagFormat(etag, content);
    }

    [Fact]
    public async Task EmptyAndLargeFilesAreStoredExactly()
    {
        var large = Payload(LargeFileSize * 2 + 123, seed: 7);
        await WriteAsync("empty", []);
        await WriteAsync("large.bin", large, "application/octet-stream");

        Assert.Equal(Array.Empty<byte>(), await ReadBytesAsync("empty"));
        Assert.Equal(large, await ReadBytesAsync("large.bin"));
        Assert.Equal(large.Length, (await Driver.StatAsync(Bucket, "large.bin", Token))!.ContentLength);
    }

    [Fact]
    public async Task NamesWithSpacesEscapesAndUnicodeRoundTrip()
    {
        string[] names = ["dir with space/a b.txt", "100%25 sure+plus#hash?q=1.txt", "ünïcödé/日本.json"];
        foreach (var name in names)
        {
            await WriteAsync(name, Encoding.UTF8.GetBytes(name));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), await ListAllAsync());
        foreach (var name in names)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(name), await ReadBytesAsync(name));
        }
    }

    [Fact]
    public async Task ReadStreamsAreSeekable()
    {
        await WriteAsync("seek.txt", "0123456789"u8.ToArray());

        await using var file = await Driver.ReadAsync(Bucket, "seek.txt", Token);
        Assert.True(file!.Content.CanSeek);
        file.Content.Seek(6, SeekOrigin.Begin);
        Assert.Equal("6789"u8.ToArray(), await BytesOfAsync(file.Content));
    }

    [Fact]
    public async Task MissingFilesReadAsNull() => Assert.Null(await Driver.ReadAsync(Bucket, "missing.txt", Token));

    [Fact]
    public async Task StatDescribesTheCurrentVersion()
    {
        await WriteAsync("a.json", "{}"u8.ToArray(), "application/json");
        var etag = await WriteAsync("a.json", "{\"v\":2}"u8.ToArray(), "application/json");

        var stat = await Driver.StatAsync(Bucket, "a.json", Token);
        Assert.NotNull(stat);
        Assert.Equal(("a.json", 7L, "application/json", etag), (stat.Name, stat.ContentLength, stat.ContentType, stat.ETag));
        Assert.InRange(stat.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task StatIsNullForMissingFilesAndDirectories()
    {
        await WriteAsync("dir/file.txt", "x"u8.ToArray());

        Assert.Null(await Driver.StatAsync(Bucket, "missing.txt", Token));
        Assert.Null(await Driver.StatAsync(Bucket, "dir", Token));
    }

    [Fact]
    public async Task AnOverwriteChangesTheETag()
    {
        var first = await WriteAsync("v.txt", "one"u8.ToArray());
        var second = await WriteAsync("v.txt", "two"u8.ToArray());

        Assert.NotEqual(first, second);
        Assert.Equal("two"u8.ToArray(), await ReadBytesAsync("v.txt"));
    }

    [Fact]
    public async Task ListingNamesEveryFileOfTheBucketOnlyInOrdinalOrder()
    {
        string[] names = ["b.txt", "a/z.txt", "a/b/c.txt", "A.txt", "a-b.txt"];
        foreach (var name in names)
        {
            await WriteAsync(name, "x"u8.ToArray());
        }

        await Driver.WriteAsync(new WriteRequest(OtherBucket, "other.txt", new MemoryStream([1]), "text/plain", WriteCondition.None), Token);

        Assert.Equal(names.Order(StringComparer.Ordinal), await ListAllAsync());
    }

    [Fact]
    public async Task ListingPagesThroughSevenFilesThreeAtATime()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"f{i}.txt").ToList();
        foreach (var name in names)
        {
            await WriteAsync(name, "x"u8.ToArray());
        }

        var first = await Driver.ListAsync(new ListRequest(Bucket, 3), Token);
        var second = await Driver.ListAsync(new ListRequest(Bucket, 3, first.NextPageToken), Token);
        var third = await Driver.ListAsync(new ListRequest(Bucket, 3, second.NextPageToken), Token);

        Assert.Equal((3, 3, 1), (first.Entries.Count, second.Entries.Count, third.Entries.Count));
        Assert.NotNull(first.NextPageToken);
        Assert.NotNull(second.NextPageToken);
        Assert.Null(third.NextPageToken);
        Assert.Equal(names, first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Name));
    }

    [Fact]
    public async Task ListingEndsWithANullTokenWhenTheLastPageIsFull()
    {
        for (var i = 0; i < 6; i++)
        {
            await WriteAsync($"f{i}.txt", "x"u8.ToArray());
        }

        var first = await Driver.ListAsync(new ListRequest(Bucket, 3), Token);
        var second = await Driver.ListAsync(new ListRequest(Bucket, 3, first.NextPageToken), Token);

        Assert.Equal(3, second.Entries.Count);
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task ListingOfAnEmptyBucketIsEmpty()
    {
        var page = await Driver.ListAsync(new ListRequest(Bucket, 100), Token);

        Assert.Empty(page.Entries);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task ListingFiltersByPrefix()
    {
        foreach (var name in new[] { "photos/a.jpg", "photos/b.jpg", "photo.txt", "settings.json" })
        {
            await WriteAsync(name, "x"u8.ToArray());
        }

        var page = await Driver.ListAsync(new ListRequest(Bucket, 100, Prefix: "photos/"), Token);

        Assert.Equal(["photos/a.jpg", "photos/b.jpg"], page.Entries.Select(e => e.Name));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task ListingIncludesStatOnlyWhenAsked()
    {
        var etag = await WriteAsync("s.json", "{\"a\":1}"u8.ToArray(), "application/json");

        var plain = Assert.Single((await Driver.ListAsync(new ListRequest(Bucket, 10), Token)).Entries);
        var stat = Assert.Single((await Driver.ListAsync(new ListRequest(Bucket, 10, IncludeStat: true), Token)).Entries).Stat;

        Assert.Null(plain.Stat);
        Assert.NotNull(stat);
        Assert.Equal(("s.json", 7L, "application/json", etag), (stat.Name, stat.ContentLength, stat.ContentType, stat.ETag));
    }

    [Fact]
    public async Task DeleteRemovesTheFileAndSaysWhetherThereWasOne()
    {
        await WriteAsync("gone.txt", "x"u8.ToArray());

        Assert.True(await Driver.DeleteAsync(Bucket, "gone.txt", Token));
        Assert.False(await Driver.DeleteAsync(Bucket, "gone.txt", Token));
        Assert.Null(await Driver.StatAsync(Bucket, "gone.txt", Token));
        Assert.Empty(await ListAllAsync());
    }

    [Fact]
    public async Task RenameMovesTheFileWithItsContentTypeAndReplacesTheTarget()
    {
        await WriteAsync("from.json", "{\"new\":1}"u8.ToArray(), "application/json");
        await WriteAsync("dir/to.json", "old"u8.ToArray(), "text/plain");

        Assert.True(await Driver.RenameAsync(Bucket, "from.json", "dir/to.json", Token));

        Assert.Null(await Driver.StatAsync(Bucket, "from.json", Token));
        Assert.Equal("application/json", (await Driver.StatAsync(Bucket, "dir/to.json", Token))!.ContentType);
        Assert.Equal("{\"new\":1}"u8.ToArray(), await ReadBytesAsync("dir/to.json"));
        Assert.False(await Driver.RenameAsync(Bucket, "from.json", "elsewhere.json", Token));
        Assert.Equal(["dir/to.json"], await ListAllAsync());
    }

    protected abstract Task<IStorageDriver> CreateDriverAsync();

    protected virtual Task DisposeDriverAsync() => Task.CompletedTask;

    /// <summary>Checks the driver's own ETag format for <paramref name="content"/>.</summary>
    protected virtual void AssertETagFormat(string etag, byte[] content)
    {
    }

    protected Task<string> WriteAsync(string path, byte[] content, string contentType = "text/plain", WriteCondition? condition = null, string? archivePath = null) =>
        WriteStreamAsync(path, new MemoryStream(content), contentType, condition, archivePath);

    protected Task<string> WriteStreamAsync(string path, Stream content, string contentType = "text/plain", WriteCondition? condition = null, string? archivePath = null) =>
        Driver.WriteAsync(new WriteRequest(Bucket, path, content, contentType, condition ?? WriteCondition.None, archivePath), Token);

    protected async Task<byte[]?> ReadBytesAsync(string path)
    {
        await using var file = await Driver.ReadAsync(Bucket, path, Token);
        return file is null ? null : await BytesOfAsync(file.Content);
    }

    protected async Task<List<string>> ListAllAsync()
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await Driver.ListAsync(new ListRequest(Bucket, 2, token), Token);
            names.AddRange(page.Entries.Select(e => e.Name));
            token = page.NextPageToken;
        }
        while (token is not null);
        return names;
    }

    protected static byte[] Payload(int length, int seed) => Encoding.ASCII.GetBytes(
        string.Concat(Enumerable.Range(0, length / 16 + 1).Select(i => $"{seed:x4}:{i:x10}\n")))[..length];

    private static async Task<byte[]> BytesOfAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return copy.ToArray();
    }
}
