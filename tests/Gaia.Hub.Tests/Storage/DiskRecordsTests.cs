using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// Where the disk driver keeps a file's content type and ETag: the file's <c>user.gaia</c> attribute, or the
/// reference hub's <c>.gaia-metadata</c> sidecar. Files written under either setting, or by the reference hub, read
/// back alike; a missing or stale record is rebuilt from the bytes.
/// </summary>
public sealed class DiskRecordsTests : IDisposable
{
    private const string Bucket = "1DiskRecordsBucket";
    private readonly string root = Directory.CreateTempSubdirectory("gaia-records-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DataOf(string path) => Path.Join(root, Bucket, path);

    private string SidecarOf(string path) => Path.Join(root, ".gaia-metadata", Bucket, path);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task OnLinuxTheDefaultKeepsTheRecordInTheFileAndWritesNoSidecar()
    {
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Linux, where the default is the attribute");
        var driver = Driver(DiskMetadataStore.Auto);
        Assert.True(driver.RecordsInAttributes, $"the file system under {root} has no user extended attributes");

        var etag = await WriteAsync(driver, "a.txt", "hello", "text/plain");

        Assert.False(File.Exists(SidecarOf("a.txt")));
        var record = AttributeOf("a.txt");
        Assert.NotNull(record);
        Assert.Equal("text/plain", record.ContentType);
        Assert.Equal(Md5("hello"), record.ETag);
        Assert.Equal(etag, record.ETag);
        Assert.Equal(5, record.Length);
        Assert.Equal(File.GetLastWriteTimeUtc(DataOf("a.txt")).Ticks, record.ModifiedTicks);
    }

    [Fact]
    public async Task TheSidecarSettingWritesTheReferenceLayoutAndNoAttribute()
    {
        var driver = Driver(DiskMetadataStore.Sidecar);
        Assert.False(driver.RecordsInAttributes);

        var etag = await WriteAsync(driver, "dir/a.txt", "hello", "application/json");

        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(SidecarOf("dir/a.txt"), Token))!;
        Assert.Equal("application/json", (string?)sidecar["content-type"]);
        Assert.Equal(etag, (string?)sidecar["etag"]);
        Assert.Equal(Md5("hello"), etag);
        Assert.Null(AttributeOf("dir/a.txt"));
    }

    [Theory]
    [InlineData(DiskMetadataStore.Auto)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task AFileOfTheReferenceHubIsServedWithItsContentType(DiskMetadataStore store)
    {
        WriteReferenceFile("potato.txt", "spud", """{"content-type":"application/potatoes","etag":"reference-etag"}""");
        var driver = Driver(store);

        var stat = await driver.StatAsync(Bucket, "potato.txt", Token);

        Assert.NotNull(stat);
        Assert.Equal("application/potatoes", stat.ContentType);
        Assert.Equal(Md5("spud"), stat.ETag);
        Assert.Equal(4, stat.ContentLength);
        var healed = store == DiskMetadataStore.Auto ? AttributeOf("potato.txt") : ReadSidecar("potato.txt");
        Assert.Equal(new DiskMetadata("application/potatoes", Md5("spud"), 4, stat.LastModified.UtcTicks), healed);
    }

    [Theory]
    [InlineData(DiskMetadataStore.Auto)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task AFileWithoutAnyRecordIsOctetStreamWithTheMd5OfItsBytes(DiskMetadataStore store)
    {
        WriteReferenceFile("bare.bin", "bytes", sidecar: null);

        await using var file = await Driver(store).ReadAsync(Bucket, "bare.bin", Token);

        Assert.NotNull(file);
        Assert.Equal("application/octet-stream", file.Stat.ContentType);
        Assert.Equal(Md5("bytes"), file.Stat.ETag);
        Assert.Equal("bytes", await new StreamReader(file.Content).ReadToEndAsync(Token));
    }

    [Theory]
    [InlineData(DiskMetadataStore.Auto)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task AFileChangedInPlaceGetsTheETagOfItsNewBytesAndNotTheContentTypeOfTheOldOnes(DiskMetadataStore store)
    {
        var driver = Driver(store);
        await WriteAsync(driver, "a.txt", "one", "text/markdown");
        await File.WriteAllTextAsync(DataOf("a.txt"), "three", Token);

        var stat = await driver.StatAsync(Bucket, "a.txt", Token);

        Assert.Equal(Md5("three"), stat!.ETag);
        Assert.Equal("application/octet-stream", stat.ContentType);
        Assert.Equal(5, stat.ContentLength);
    }

    [Theory]
    [InlineData(DiskMetadataStore.Auto)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task AFileOnlyTouchedOrCopiedKeepsItsContentType(DiskMetadataStore store)
    {
        var driver = Driver(store);
        var etag = await WriteAsync(driver, "a.txt", "same bytes", "text/markdown");
        File.SetLastWriteTimeUtc(DataOf("a.txt"), DateTime.UtcNow.AddHours(1));

        var stat = await driver.StatAsync(Bucket, "a.txt", Token);

        Assert.Equal((etag, "text/markdown"), (stat!.ETag, stat.ContentType));
    }

    [Fact]
    public async Task FilesWrittenUnderEitherSettingReadBackUnderTheOther()
    {
        var sidecars = Driver(DiskMetadataStore.Sidecar);
        var attributes = Driver(DiskMetadataStore.Attribute);
        await WriteAsync(sidecars, "old.txt", "old", "text/old");
        await WriteAsync(attributes, "new.txt", "new", "text/new");

        Assert.Equal("text/old", (await attributes.StatAsync(Bucket, "old.txt", Token))!.ContentType);
        Assert.Equal("text/new", (await sidecars.StatAsync(Bucket, "new.txt", Token))!.ContentType);

        var etag = await WriteAsync(attributes, "old.txt", "rewritten", "text/rewritten");

        Assert.False(File.Exists(SidecarOf("old.txt")), "the older version's sidecar is removed");
        foreach (var driver in new[] { sidecars, attributes })
        {
            var stat = await driver.StatAsync(Bucket, "old.txt", Token);
            Assert.Equal(("text/rewritten", etag), (stat!.ContentType, stat.ETag));
        }
    }

    [Theory]
    [InlineData(DiskMetadataStore.Attribute)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task AnArchivedVersionKeepsItsContentTypeETagAndTime(DiskMetadataStore store)
    {
        var driver = Driver(store);
        var first = await WriteAsync(driver, "doc.json", "v1", "application/json");
        var before = (await driver.StatAsync(Bucket, "doc.json", Token))!;

        await driver.WriteAsync(new WriteRequest(Bucket, "doc.json", Stream(" v2"), "text/plain", WriteCondition.None, ".history.1.doc.json"), Token);

        var archived = await driver.StatAsync(Bucket, ".history.1.doc.json", Token);
        Assert.Equal(before with { Name = archived!.Name }, archived);
        Assert.Equal(first, archived.ETag);
        Assert.Equal("text/plain", (await driver.StatAsync(Bucket, "doc.json", Token))!.ContentType);
    }

    [Theory]
    [InlineData(DiskMetadataStore.Attribute)]
    [InlineData(DiskMetadataStore.Sidecar)]
    public async Task ARenamedFileKeepsItsRecordAndDropsTheTargetsOldOne(DiskMetadataStore store)
    {
        var driver = Driver(store);
        var etag = await WriteAsync(driver, "from.txt", "moving", "text/moving");
        WriteReferenceFile("to.txt", "old", """{"content-type":"text/old","etag":"x"}""");

        Assert.True(await driver.RenameAsync(Bucket, "from.txt", "to.txt", Token));

        var stat = await driver.StatAsync(Bucket, "to.txt", Token);
        Assert.Equal(("text/moving", etag), (stat!.ContentType, stat.ETag));
        Assert.False(File.Exists(SidecarOf("from.txt")));
    }

    [Fact]
    public void AnOrdinaryRecordFitsInsideAnExt4Inode()
    {
        var record = new DiskMetadata("application/octet-stream", Md5("x"), 1024, DateTime.UtcNow.Ticks);

        var value = record.ToAttribute();

        Assert.NotNull(value);
        Assert.Equal(57, value.Length);
        Assert.Equal(record, DiskMetadata.FromAttribute(value));
    }

    [Fact]
    public void AnEmptyContentTypeRoundTripsAsNone()
    {
        var record = new DiskMetadata(null, Md5(""), 0, 1);

        Assert.Equal(record, DiskMetadata.FromAttribute(record.ToAttribute()));
    }

    [Theory]
    [InlineData("ABCDEF0123456789ABCDEF0123456789", 1L)]
    [InlineData("not-an-md5-etag-of-32-characters", 1L)]
    [InlineData("abc", 1L)]
    [InlineData(null, 1L)]
    [InlineData("0123456789abcdef0123456789abcdef", null)]
    public void ARecordThatIsNotAnMd5WithLengthAndTimeHasNoAttributeForm(string? etag, long? length)
    {
        Assert.Null(new DiskMetadata("text/plain", etag, length, 5).ToAttribute());
    }

    [Fact]
    public void AnAttributeOfAnotherFormatReadsAsNoRecord()
    {
        var value = new DiskMetadata("text/plain", Md5("x"), 1, 1).ToAttribute()!;

        Assert.Null(DiskMetadata.FromAttribute(value.AsSpan(0, 20)));
        Assert.Null(DiskMetadata.FromAttribute([2, .. value.AsSpan(1)]));
        Assert.Null(DiskMetadata.FromAttribute([.. value, 0xFF]));
        Assert.Null(DiskMetadata.FromAttribute([]));
    }

    private DiskStorageDriver Driver(DiskMetadataStore store) =>
        new(Options.Create(new DiskStorageOptions { RootDirectory = root, Durable = false, Metadata = store }));

    private static Task<string> WriteAsync(DiskStorageDriver driver, string path, string content, string contentType) =>
        driver.WriteAsync(new WriteRequest(Bucket, path, Stream(content), contentType, WriteCondition.None), Token);

    private void WriteReferenceFile(string path, string content, string? sidecar)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataOf(path))!);
        File.WriteAllText(DataOf(path), content);
        if (sidecar is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SidecarOf(path))!);
            File.WriteAllText(SidecarOf(path), sidecar);
        }
    }

    private DiskMetadata? AttributeOf(string path)
    {
        using var file = File.OpenHandle(DataOf(path));
        return DiskAttributes.TryGet(file);
    }

    private DiskMetadata? ReadSidecar(string path) => DiskFiles.ReadMetadata(SidecarOf(path));

    private static MemoryStream Stream(string content) => new(Encoding.UTF8.GetBytes(content));

    private static string Md5(string content) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
}
