using System.Net;
using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>Bad input of every kind is refused and leaves the stored data exactly as it was.</summary>
public sealed class AbuseTests
{
    private static readonly byte[] Original = Encoding.UTF8.GetBytes("the original version, 50 bytes long.............!");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadTokens => ["malformed", "foreign", "expired", "forged signature", "bad base64", "legacy forged"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task AStoreOrDeleteWithABadTokenIsRefusedAndTheFileIsUntouched(string kind)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);
        var token = BadToken(kind);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("victim.txt", "overwritten"u8.ToArray(), token), Ct),
            HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("planted.txt", "planted"u8.ToArray(), token), Ct),
            HttpStatusCode.Unauthorized, "ValidationError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete("victim.txt", token), Ct),
            HttpStatusCode.Unauthorized, "ValidationError");

        await AssertOnlyOriginalAsync(client, etag);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnOversizeUploadIsRefusedWith413AndTheOldVersionStays(bool chunked)
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.0001" });
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);
        var huge = new byte[5000];
        HttpContent content = chunked ? new StreamingContent(huge) : new ByteArrayContent(huge);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("victim.txt", content, HubRequests.OwnerToken()), Ct),
            HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");

        await AssertOnlyOriginalAsync(client, etag);
        await HubAssert.EventuallyAsync(() => app.TempFiles.Count == 0, "no upload is left in .gaia-tmp");
    }

    [Fact]
    public async Task AFailedPreconditionLeavesTheOldVersion()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var etag = await StoreOriginalAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(
            HubRequests.Store("victim.txt", "overwritten"u8.ToArray(), HubRequests.OwnerToken()).WithHeader("If-Match", "stale"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError", etag);

        await AssertOnlyOriginalAsync(client, etag);
    }

    [Fact]
    public async Task AClientThatDisconnectsMidUploadLeavesNoPartialFileAndTheOldVersionStays()
    {
        await using var app = HubApplication.StartOnLoopback();
        using var client = app.CreateLoopbackClient();
        var etag = await StoreOriginalAsync(client);
        var headers = new Dictionary<string, string> { ["Authorization"] = HubRequests.OwnerToken(), ["Content-Type"] = "text/plain" };

        // 80,000 bytes of 100,000: more than the disk driver buffers, so the temporary file exists when the client goes.
        foreach (var name in new[] { "victim.txt", "partial.bin" })
        {
            using (await RawHttp.SendPartialAsync(app.ServerAddress, "POST", $"/store/{HubRequests.Owner}/{name}", headers, 100_000, new byte[80_000]))
            {
                await HubAssert.EventuallyAsync(() => app.TempFiles.Count > 0, $"the upload of {name} is being written");
            }

            await HubAssert.EventuallyAsync(() => app.TempFiles.Count == 0, $"the aborted upload of {name} is removed from .gaia-tmp");
        }

        // 30,000 bytes of 100,000: still in the driver's buffer when the client goes; nothing reaches the disk.
        (await RawHttp.SendPartialAsync(app.ServerAddress, "POST", $"/store/{HubRequests.Owner}/victim.txt", headers, 100_000, new byte[30_000])).Dispose();

        await AssertOnlyOriginalAsync(client, etag);
        HttpStatusCode status;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            using var retry = await client.SendAsync(HubRequests.Store("victim.txt", "v2"u8.ToArray(), HubRequests.OwnerToken()), Ct);
            status = retry.StatusCode;
        }
        while (status == HttpStatusCode.Conflict && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Accepted, status);
        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete("victim.txt", HubRequests.OwnerToken()), Ct));
    }

    private static string BadToken(string kind) => kind switch
    {
        "malformed" => "bearer v1:" + Convert.ToBase64String("{\"alg\":\"ES256K\"}"u8) + ".bm90IGpzb24.AAAA",
        "foreign" => TestTokens.Bearer(TestKeys.Key1),
        "expired" => TestTokens.Bearer(TestKeys.Key0, new { exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1 }),
        "forged signature" => TestTokens.Bearer(TestKeys.Key1, new { iss = TestKeys.PublicKey0 }),
        "bad base64" => "bearer !!!not*base64???",
        "legacy forged" => TestTokens.Legacy(TestKeys.Key0, "[\"gaiahub\",\"0\",\"other-server\",\"blockstack_storage_please_sign\"]"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<string> StoreOriginalAsync(HttpClient client) =>
        (await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("victim.txt", Original, HubRequests.OwnerToken(), "text/plain"), Ct))).ETag;

    /// <summary>victim.txt still reads back as the original bytes and ETag, and it is the bucket's only file.</summary>
    private static async Task AssertOnlyOriginalAsync(HttpClient client, string etag)
    {
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/victim.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Original, await read.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, HubAssert.Header(read, "ETag"));
        Assert.Equal("text/plain", HubAssert.Header(read, "Content-Type"));
        var list = await HubAssert.JsonAsync(
            await client.SendAsync(HubRequests.ListFiles("{\"stat\":true}", HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);
        var entry = Assert.Single(list.GetProperty("entries").EnumerateArray());
        Assert.Equal("victim.txt", entry.GetProperty("name").GetString());
        Assert.Equal(etag, entry.GetProperty("etag").GetString());
        Assert.Equal(Original.Length, entry.GetProperty("contentLength").GetInt64());
    }
}
