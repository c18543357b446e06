using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// With <c>Gaia:Disk:Metadata=Sidecar</c>, a file's record always describes the bytes it sits beside: after a crash
/// between the sidecar's rename and the data's, and while readers race writers (issue 11).
/// </summary>
public sealed class SidecarConsistencyTests : IDisposable
{
    private const string Bucket = "1SidecarConsistency";
    private readonly string root = Directory.CreateTempSubdirectory("gaia-sidecars-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task ACrashBetweenTheSidecarAndTheDataRenameServesEitherVersionWithItsOwnRecord()
    {
        var driver = Driver(DiskMetadataStore.Sidecar);
        await driver.WriteAsync(Request("a.txt", "first", "text/one"), Ct);
        var data = Path.Join(root, Bucket, "a.txt");
        var sidecar = Path.Join(root, ".gaia-metadata", Bucket, "a.txt");

        // What a store leaves when the process dies after writing the new sidecar and before renaming the new bytes in.
        var pending = Path.Join(root, "pending");
        await File.WriteAllTextAsync(pending, "second!", Ct);
        var next = new DiskMetadata("text/two", Md5("second!"), 7, File.GetLastWriteTimeUtc(pending).Ticks);
        DiskFiles.WriteMetadata(sidecar, next with { Previous = DiskFiles.ReadMetadata(sidecar) }, root);

        var restarted = Driver(DiskMetadataStore.Sidecar);
        Assert.Equal(("text/one", Md5("first")), Describe(await restarted.StatAsync(Bucket, "a.txt", Ct)));

        File.Move(pending, data, overwrite: true);
        Assert.Equal(("text/two", Md5("second!")), Describe(await restarted.StatAsync(Bucket, "a.txt", Ct)));
    }

    [Fact]
    public async Task AStoresSidecarKeepsTheReferenceKeysAndTheReplacedVersionsRecord()
    {
        var driver = Driver(DiskMetadataStore.Sidecar);
        var first = await driver.WriteAsync(Request("a.txt", "first", "text/one"), Ct);
        var second = await driver.WriteAsync(Request("a.txt", "second", "text/two"), Ct);

        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(Path.Join(root, ".gaia-metadata", Bucket, "a.txt"), Ct))!;

        Assert.Equal(("text/two", second), ((string?)sidecar["content-type"], (string?)sidecar["etag"]));
        Assert.Equal(("text/one", first), ((string?)sidecar["previous"]!["content-type"], (string?)sidecar["previous"]!["etag"]));
    }

    [Fact]
    public void ANewVersionWithTheOldOnesLengthAndTimeGetsALaterTime()
    {
        using var layout = new DiskLayout(new DiskStorageOptions { RootDirectory = root });
        var records = new DiskRecords(layout, DiskMetadataStore.Sidecar);
        var temp = layout.NewTempFile();
        File.WriteAllText(temp, "same");
        var ticks = File.GetLastWriteTimeUtc(temp).Ticks;
        var previous = new DiskMetadata("text/old", Md5("else"), 4, ticks);

        var record = records.WriteSidecar(Path.Join(root, "sidecar"), temp, new DiskMetadata("text/new", Md5("same"), 4, ticks), previous);

        Assert.True(record.ModifiedTicks > ticks);
        Assert.Equal(record.ModifiedTicks, File.GetLastWriteTimeUtc(temp).Ticks);
    }

    [Theory]
    [InlineData(DiskMetadataStore.Sidecar)]
    [InlineData(DiskMetadataStore.Auto)]
    public async Task ReadersRacingAWriterAlwaysGetTheRecordOfTheBytesTheyRead(DiskMetadataStore store)
    {
        var driver = Driver(store);
        await driver.WriteAsync(Request("hot.txt", Version(0), TypeOf(0)), Ct);

        // At least 2 s of racing, and on until every reader has read more than 10 times (on a loaded machine a reader
        // may get little time at first); the writer writes for as long as any reader reads. A minute at most.
        using var minimum = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        var readersLeft = 3;
        var writer = Task.Run(async () =>
        {
            for (var i = 1; Volatile.Read(ref readersLeft) > 0; i++)
            {
                await driver.WriteAsync(Request("hot.txt", Version(i), TypeOf(i)), deadline.Token);
            }
        }, deadline.Token);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            try
            {
                while (!minimum.IsCancellationRequested || reads <= 10)
                {
                    await using var file = (await driver.ReadAsync(Bucket, "hot.txt", deadline.Token))!;
                    var text = await new StreamReader(file.Content).ReadToEndAsync(deadline.Token);
                    Assert.Equal((TypeOf(int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)), Md5(text)),
                        (file.Stat.ContentType, file.Stat.ETag));
                    reads++;
                }
            }
            finally
            {
                Interlocked.Decrement(ref readersLeft);
            }

            return reads;
        }, deadline.Token)).ToList();

        await writer;
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 10));
    }

    internal static string Version(int i) => $"version {i} " + new string('.', i % 3);

    internal static string TypeOf(int i) => $"text/v{i % 5}";

    private static (string, string) Describe(FileStat? stat) => (stat!.ContentType, stat.ETag);

    private DiskStorageDriver Driver(DiskMetadataStore store) =>
        new(Options.Create(new DiskStorageOptions { RootDirectory = root, Durable = false, Metadata = store }));

    private static WriteRequest Request(string path, string content, string type) =>
        new(Bucket, path, new MemoryStream(Encoding.UTF8.GetBytes(content)), type, WriteCondition.None);

    private static string Md5(string content) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
}
