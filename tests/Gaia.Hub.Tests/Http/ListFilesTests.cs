using System.Net;
using System.Text;
using System.Text.Json;

namespace Gaia.Hub.Tests.Http;

public sealed class ListFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SevenFilesWithPageSizeThreeComeInPagesOfThreeThreeAndOneThenANullPage()
    {
        await using var app = new HubApplication(new Dictionary<string, string?> { ["Gaia:PageSize"] = "3" });
        using var client = app.CreateClient();
        string[] names = ["a.txt", "b/c.txt", "b/d/e.txt", "f.txt", "g h.txt", "z/1", "é.txt"];
        foreach (var name in names)
        {
            await StoreAsync(client, name, [1]);
        }

        var seen = new List<string>();
        var sizes = new List<int>();
        string? page = null;
        do
        {
            var body = await ListAsync(client, JsonSerializer.Serialize(new { page }));
            var entries = body.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).ToList();
            (sizes, seen) = ([.. sizes, entries.Count], [.. seen, .. entries]);
            page = body.GetProperty("page").ValueKind == JsonValueKind.Null ? null : body.GetProperty("page").GetString();
        }
        while (page is not null && sizes.Count < 10);

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(names.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StatEntriesCarryTheMetadataOfEachFile()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var etag = await StoreAsync(client, "settings.json", "{\"a\":1}"u8.ToArray(), "application/json; charset=utf-8");

        var body = await ListAsync(client, "{\"stat\":true}");

        var entry = Assert.Single(body.GetProperty("entries").EnumerateArray());
        Assert.Equal(["name", "exists", "etag", "contentLength", "contentType", "lastModifiedDate"], HubAssert.Keys(entry));
        Assert.Equal("settings.json", entry.GetProperty("name").GetString());
        Assert.True(entry.GetProperty("exists").GetBoolean());
        Assert.Equal(etag, entry.GetProperty("etag").GetString());
        Assert.Equal(7, entry.GetProperty("contentLength").GetInt64());
        Assert.Equal("application/json; charset=utf-8", entry.GetProperty("contentType").GetString());
        Assert.InRange(entry.GetProperty("lastModifiedDate").GetInt64(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("page").ValueKind);
    }

    [Theory]
    [InlineData("{\"page\":null}")]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("{\"page\":\"\"}")]
    public async Task AFirstPageRequestAsStacksStorageSendsItListsTheNames(string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await StoreAsync(client, "helloWorld", [1]);

        var body = await ListAsync(client, json);

        Assert.Equal(["entries", "page"], HubAssert.Keys(body));
        Assert.Equal(["helloWorld"], body.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("page").ValueKind);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"stat\":true}")]
    public async Task AnEmptyBucketListsNoEntriesAndANullPage(string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HubRequests.ListFiles(json, HubRequests.OwnerToken()), Ct);

        Assert.Equal("{\"entries\":[],\"page\":null}", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ThePrefixExtensionListsOnlyMatchingNames()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        foreach (var name in new[] { "photos/a.jpg", "photos/b.jpg", "photosets.json", "notes/x.txt" })
        {
            await StoreAsync(client, name, [1]);
        }

        var body = await ListAsync(client, "{\"prefix\":\"photos/\"}");

        Assert.Equal(["photos/a.jpg", "photos/b.jpg"], body.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("{\"page\":\"!!not base64!!\"}")]
    [InlineData("{\"page\":{\"x\":1}}")]
    public async Task ABadPageTokenGets400(string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.ListFiles(json, HubRequests.OwnerToken()), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Fact]
    public async Task ABodyWithoutAContentTypeIsStillParsed()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        await StoreAsync(client, "helloWorld", [1, 2]);
        var request = HubRequests.ListFiles(null, HubRequests.OwnerToken());
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"stat\":true}"));

        var body = await HubAssert.JsonAsync(await client.SendAsync(request, Ct), HttpStatusCode.Accepted);

        var entry = Assert.Single(body.GetProperty("entries").EnumerateArray());
        Assert.Equal(2, entry.GetProperty("contentLength").GetInt64());
    }

    private static async Task<string> StoreAsync(HttpClient client, string name, byte[] bytes, string type = "application/octet-stream") =>
        (await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(name, bytes, HubRequests.OwnerToken(), type), Ct))).ETag;

    private static async Task<JsonElement> ListAsync(HttpClient client, string json) =>
        await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles(json, HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);
}
