using System.Net;
using Gaia.Hub.Tests.Http;

namespace Gaia.Hub.Tests.Storage;

/// <summary>
/// A symbolic link placed under the data root (to a file, to a folder, or as a bucket folder) is never followed: reads,
/// stores, overwrites and deletes through it are refused with 403, and the files outside the root stay as they were
/// (issue 11).
/// </summary>
public sealed class SymlinkTests : IDisposable
{
    private readonly string outside = Directory.CreateTempSubdirectory("gaia-outside-").FullName;
    private readonly string root = Path.Join(Path.GetTempPath(), "gaia-http-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(outside, recursive: true);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Each kind of link, with the root set as given and with a trailing slash (<c>/var/gaia/</c>).</summary>
    public static TheoryData<string, string, bool> Links => new()
    {
        { "file", "linked.txt", false },
        { "folder", "linked/secret.txt", false },
        { "bucket", "secret.txt", false },
        { "file", "linked.txt", true },
        { "folder", "linked/secret.txt", true },
        { "bucket", "secret.txt", true },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public async Task NoRouteReachesAFileOutsideTheRootThroughALink(string kind, string path, bool rootWithTrailingSlash)
    {
        await using var app = new HubApplication(new Dictionary<string, string?>
        {
            ["Gaia:Disk:RootDirectory"] = rootWithTrailingSlash ? root + "/" : root,
        });
        using var client = app.CreateClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("ordinary.txt", [1], HubRequests.OwnerToken()), Ct));
        var secret = Path.Join(outside, "secret.txt");
        await File.WriteAllTextAsync(secret, "outside the root", Ct);
        PlaceLink(root, kind, secret);
        var token = HubRequests.OwnerToken();

        await HubAssert.ErrorAsync(await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/{path}", UriKind.Relative), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, "overwritten"u8.ToArray(), token), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(path, "overwritten"u8.ToArray(), token).WithHeader("If-Match", "*"), Ct),
            HttpStatusCode.Forbidden, "BadPathError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete(path, token), Ct), HttpStatusCode.Forbidden, "BadPathError");
        if (kind != "file")
        {
            var planted = kind == "folder" ? "linked/planted.txt" : "planted.txt";
            await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store(planted, [1], token), Ct), HttpStatusCode.Forbidden, "BadPathError");
        }

        Assert.Equal("outside the root", await File.ReadAllTextAsync(secret, Ct));
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AListingLeavesLinksOut()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("ordinary.txt", [1], HubRequests.OwnerToken()), Ct));
        var secret = Path.Join(outside, "secret.txt");
        await File.WriteAllTextAsync(secret, "outside the root", Ct);
        PlaceLink(app.DiskRoot, "file", secret);
        PlaceLink(app.DiskRoot, "folder", secret);

        var listing = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles("{\"stat\":true}", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.Accepted);

        Assert.Equal("ordinary.txt", Assert.Single(listing.GetProperty("entries").EnumerateArray()).GetProperty("name").GetString());
    }

    private void PlaceLink(string root, string kind, string secret)
    {
        var bucket = Path.Join(root, HubRequests.Owner);
        switch (kind)
        {
            case "file":
                File.CreateSymbolicLink(Path.Join(bucket, "linked.txt"), secret);
                break;
            case "folder":
                Directory.CreateSymbolicLink(Path.Join(bucket, "linked"), outside);
                break;
            default:
                Directory.Move(bucket, bucket + "-moved");
                Directory.CreateSymbolicLink(bucket, outside);
                break;
        }
    }
}
