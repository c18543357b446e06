using System.Net;
using Gaia.Hub.Tests.Http;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// A full disk (no space or no inode left, on a real tmpfs) answers 507 InsufficientStorageError as JSON, changes
/// nothing, leaves no temporary file, and reads keep working (issue 11).
/// </summary>
public sealed class DiskFullTests
{
    private static readonly byte[] Original = [.. Enumerable.Range(0, 1000).Select(i => (byte)i)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Auto")]
    [InlineData("Sidecar")]
    public async Task AStoreLargerThanTheSpaceLeftIs507AndTheOldVersionStays(string records)
    {
        using var disk = SmallDisk.Mount("8m", 1000);
        await using var app = Hub(disk, records);
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);
        SmallDisk.UseUpSpace(Path.Join(disk.Path, "other"), freeBytes: 256 * 1024);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("victim.bin", new byte[1024 * 1024], HubRequests.OwnerToken()), Ct),
            HttpStatusCode.InsufficientStorage, "InsufficientStorageError");

        await AssertOriginalAsync(client, etag, disk);
    }

    [Theory]
    [InlineData("Auto", "new-folder/file.bin")]
    [InlineData("Sidecar", "new-folder/file.bin")]
    [InlineData("Sidecar", "victim.bin")]
    public async Task AStoreThatRunsOutOfInodesAfterItsDataIsWrittenIs507AndChangesNothing(string records, string path)
    {
        using var disk = SmallDisk.Mount("8m", 200);
        await using var app = Hub(disk, records);
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);
        SmallDisk.UseUpInodes(Path.Join(disk.Path, "other"), free: 1);

        // The upload's temporary file takes the last inode; its new folder, or its sidecar, finds none.
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, [1, 2, 3], HubRequests.OwnerToken(), "text/new"), Ct),
            HttpStatusCode.InsufficientStorage, "InsufficientStorageError");

        await AssertOriginalAsync(client, etag, disk);
        using var missing = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/new-folder/file.bin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AFileWhoseSidecarCannotBeRebuiltOnAFullDiskIsStillServed()
    {
        using var disk = SmallDisk.Mount("8m", 200);
        await using var app = Hub(disk, "Sidecar");
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);
        File.SetLastWriteTimeUtc(Path.Join(disk.Path, "root", HubRequests.Owner, "victim.bin"), DateTime.UtcNow.AddMinutes(5));
        SmallDisk.UseUpInodes(Path.Join(disk.Path, "other"), free: 0);

        await AssertOriginalAsync(client, etag, disk);
    }

    private static HubApplication Hub(SmallDisk disk, string records) => new(new Dictionary<string, string?>
    {
        ["Gaia:Disk:RootDirectory"] = Path.Join(disk.Path, "root"),
        ["Gaia:Disk:Metadata"] = records,
    });

    private static async Task<string> StoreOriginalAsync(HttpClient client) =>
        (await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("victim.bin", Original, HubRequests.OwnerToken(), "text/original"), Ct))).ETag;

    private static async Task AssertOriginalAsync(HttpClient client, string etag, SmallDisk disk)
    {
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/victim.bin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Original, await read.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((etag, "text/original"), (HubAssert.Header(read, "ETag"), HubAssert.Header(read, "Content-Type")));
        Assert.Empty(HubApplication.TempFilesUnder(Path.Join(disk.Path, "root")));
    }
}
