using System.Security.Cryptography;
using System.Text;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests;

/// <summary><c>gaia put</c>, <c>get</c>, <c>ls</c> and <c>rm</c> against a disk hub on a loopback socket.</summary>
public sealed partial class FileCommandTests : IAsyncLifetime
{
    private const string Photo = "photos/été 🌞.bin";
    private readonly string folder = Directory.CreateTempSubdirectory("gaia-cli-files").FullName;
    private LoopbackHub hub = null!;
    private CliRunner cli = null!;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:PageSize"] = "3" });
        cli = CliRunner.For(TestKeys.Key0, hub);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task PutGetLsAndRmRoundTripBinaryContentUnderANonAsciiName()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var local = await WriteLocalAsync("photo.bin", bytes);

        var put = (await cli.RunAsync("put", local, Photo, "--json")).Succeeded().Json;
        var got = (await cli.RunAsync("get", Photo, Path.Join(folder, "back.bin"), "--json")).Succeeded().Json;
        var listed = (await cli.RunAsync("ls", "--json")).Succeeded().Json;
        var removed = (await cli.RunAsync("rm", Photo)).Succeeded();
        var after = (await cli.RunAsync("ls")).Succeeded();

        Assert.Equal(Photo, put.GetProperty("path").GetString());
        Assert.Equal(200_000, put.GetProperty("bytes").GetInt64());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Join(folder, "back.bin"), TestContext.Current.CancellationToken));
        Assert.Equal(put.GetProperty("etag").GetString(), got.GetProperty("etag").GetString());
        Assert.Equal([Photo], listed.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal($"deleted {Photo}", removed.Out.Trim());
        Assert.Equal("", after.Out);
    }

    [Fact]
    public async Task PutReadsStandardInputAndGetWritesStandardOutput()
    {
        cli.Input = Encoding.UTF8.GetBytes("{\"theme\":\"dark\"}");

        (await cli.RunAsync("put", "-", "settings.json")).Succeeded();
        var got = (await cli.RunAsync("get", "settings.json")).Succeeded();

        Assert.Equal(cli.Input, got.StandardOutput);
        Assert.Equal("", got.Out);
    }

    [Fact]
    public async Task PutGuessesTheContentTypeFromThePathUnlessOneIsGiven()
    {
        var local = await WriteLocalAsync("page", "<p>hi</p>"u8.ToArray());

        (await cli.RunAsync("put", local, "site/index.html")).Succeeded();
        (await cli.RunAsync("put", local, "site/raw", "--content-type", "text/x-custom; charset=utf-8")).Succeeded();
        (await cli.RunAsync("put", local, "site/unknown.zzz")).Succeeded();
        var stats = (await cli.RunAsync("ls", "site/", "--stat", "--json")).Succeeded().Json.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("contentType").GetString());

        Assert.Equal("text/html", stats["site/index.html"]);
        Assert.Equal("text/x-custom; charset=utf-8", stats["site/raw"]);
        Assert.Equal("application/octet-stream", stats["site/unknown.zzz"]);
    }

    [Fact]
    public async Task LsFollowsEveryPageAndFiltersByPrefix()
    {
        for (var i = 0; i < 10; i++)
        {
            cli.Input = Encoding.ASCII.GetBytes($"note {i}");
            (await cli.RunAsync("put", "-", i < 7 ? $"notes/{i:d2}.txt" : $"other/{i:d2}.txt")).Succeeded();
        }

        var all = (await cli.RunAsync("ls", "--json")).Succeeded().Json;
        var notes = (await cli.RunAsync("ls", "notes/")).Succeeded();
        var stat = (await cli.RunAsync("ls", "--stat")).Succeeded();

        Assert.Equal(10, all.GetProperty("count").GetInt32());
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"notes/{i:d2}.txt"), notes.Lines.Order(StringComparer.Ordinal));
        Assert.Equal(10, stat.Lines.Count);
        Assert.All(stat.Lines, line => Assert.Matches(@"^\s*6  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  text/plain  [0-9a-f]{32}  (notes|other)/\d\d\.txt$", line));
    }

    [Fact]
    public async Task PutWithIfNoneMatchStarRefusesToReplaceAFile()
    {
        var local = await WriteLocalAsync("a.txt", "first"u8.ToArray());
        (await cli.RunAsync("put", local, "a.txt", "--if-none-match", "*")).Succeeded();

        var again = await cli.RunAsync("put", local, "a.txt", "--if-none-match", "*");

        Assert.StartsWith($"gaia: hub {hub.Url} answered 412 PreconditionFailedError: ", again.FailedWith(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReadsAnyBucketWithoutAKeyAndReportsAMissingFile()
    {
        cli.Input = "public"u8.ToArray();
        (await cli.RunAsync("put", "-", "profile.json")).Succeeded();
        var anonymous = new CliRunner { Environment = { ["GAIA_HUB"] = hub.Url } };

        var found = (await anonymous.RunAsync("get", "profile.json", "--bucket", TestKeys.Address0)).Succeeded();
        var missing = await anonymous.RunAsync("get", "nope.json", "--bucket", TestKeys.Address0);

        Assert.Equal("public"u8.ToArray(), found.StandardOutput);
        Assert.Contains($"no file nope.json in bucket {TestKeys.Address0}", missing.FailedWith(1), StringComparison.Ordinal);
        Assert.Contains("answered 404", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RmOfAMissingFileGivesTheHubsAnswer()
    {
        var run = await cli.RunAsync("rm", "never-written.txt");

        Assert.StartsWith($"gaia: hub {hub.Url} answered 404 DoesNotExist: ", run.FailedWith(1), StringComparison.Ordinal);
    }

    private async Task<string> WriteLocalAsync(string name, byte[] bytes)
    {
        var path = Path.Join(folder, name);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        return path;
    }
}
