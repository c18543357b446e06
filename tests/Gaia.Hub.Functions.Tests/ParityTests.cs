using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Functions.Tests;

/// <summary>
/// Every function answers as the Kestrel server does: one table of requests runs, in order, through the Kestrel server
/// (in-process) and through the published Functions app in its real worker (under tests/Gaia.Hub.FunctionsHost), each
/// on Azurite in a container and table of its own, with the same settings. Each pair of answers must have the same
/// status, content type, CORS origin and body (etag values aside: two blobs never share an Azure ETag).
/// </summary>
public sealed class ParityTests(WorkerFixture worker)
{
    private static readonly Dictionary<string, string?> Limit = new() { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.01" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRequestOfTheTableGetsTheSameAnswerFromTheFunctionsAsFromTheServer()
    {
        await using var kestrel = new KestrelApp(worker.AzureSettings(Limit));
        using var client = kestrel.CreateClient();
        await using var functions = await worker.StartAsync(Limit);
        var table = Table();
        var mismatches = new List<string>();

        foreach (var (name, request, status) in table)
        {
            var server = (await HubResponse.FromAsync(await client.SendAsync(request(), Ct), Ct)).WithoutETagValues();
            var function = (await functions.SendAsync(request())).WithoutETagValues();

            Assert.True(server.Status == status, $"{name}: the server answered {server}");
            if (server != function)
            {
                mismatches.Add($"{name}:\n  server    {server}\n  functions {function}");
            }
        }

        Assert.True(table.Count >= 20, "the table covers every route");
        Assert.True(mismatches.Count == 0, $"{string.Join('\n', mismatches)}\nworker log:\n{functions.Logs}");
    }

    private static List<(string Name, Func<HttpRequestMessage> Request, int Status)> Table()
    {
        var owner = TestTokens.Bearer(TestKeys.Key0);
        var other = TestTokens.Bearer(TestKeys.Key1);
        var hello = "hello world"u8.ToArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return
        [
            ("hub_info", HubRequests.HubInfo, 200),
            ("liveness", () => HubRequests.Get("/healthz"), 200),
            ("head of hub_info", () => HubRequests.HubInfo().As(HttpMethod.Head), 200),
            ("preflight", () => HubRequests.Preflight($"/store/{HubRequests.Owner}/hello.txt"), 204),
            ("store", () => HubRequests.Store("hello.txt", hello, owner), 202),
            ("store of a percent-encoded name", () => HubRequests.Store("dir/hello%20world.txt", hello, owner), 202),
            ("read of a percent-encoded name", () => HubRequests.Read("dir/hello%20world.txt"), 200),
            ("store without a token", () => HubRequests.Store("hello.txt", hello, null), 401),
            ("store with another key's token", () => HubRequests.Store("hello.txt", hello, other), 401),
            ("store of a path with '..'", () => HubRequests.Store("a%2F..%2Fb", hello, owner), 403),
            ("store with a stale If-Match", () => HubRequests.Store("hello.txt", hello, owner).With("If-Match", "\"stale\""), 412),
            ("store over the size limit", () => HubRequests.Store("big.bin", new byte[20_000], owner), 413),
            ("store to a bucket that is not an address", () => HubRequests.Store("x", hello, owner, "not_an_address"), 404),
            ("read", () => HubRequests.Read("hello.txt"), 200),
            ("read of a range", () => HubRequests.Read("hello.txt").With("Range", "bytes=1-3"), 206),
            ("read of a range past the end", () => HubRequests.Read("hello.txt").With("Range", "bytes=100-200"), 416),
            ("head", () => HubRequests.Head("hello.txt"), 200),
            ("read of a missing file", () => HubRequests.Read("missing.txt"), 404),
            ("list-files", () => HubRequests.ListFiles("{}", owner), 202),
            ("list-files with a prefix", () => HubRequests.ListFiles("{\"prefix\":\"hel\",\"page\":null}", owner), 202),
            ("list-files with a body that is not JSON", () => HubRequests.ListFiles("not json", owner), 400),
            ("list-files with a body over 4 KiB", () => HubRequests.ListFiles($"{{\"page\":\"{new string('a', 5000)}\"}}", owner), 413),
            ("list-files of a bucket that is not an address", () => HubRequests.ListFiles("{}", owner, "not_an_address"), 404),
            ("delete", () => HubRequests.Delete("hello.txt", owner), 202),
            ("delete of a missing file", () => HubRequests.Delete("hello.txt", owner), 404),
            ("revoke-all without a timestamp", () => HubRequests.RevokeAll("{}", owner), 400),
            ("revoke-all of another bucket", () => HubRequests.RevokeAll(HubRequests.RevokeBody(now), owner, TestKeys.Address1), 401),
            ("revoke-all without a token", () => HubRequests.RevokeAll(HubRequests.RevokeBody(now), null), 401),
            ("revoke-all", () => HubRequests.RevokeAll(HubRequests.RevokeBody(now + 60), owner), 202),
            ("read of the revocation timestamp", () => HubRequests.Read("authTimestamp", $"{HubRequests.Owner}-auth"), 200),
            ("store with a revoked token", () => HubRequests.Store("after.txt", hello, owner), 401),
        ];
    }
}
