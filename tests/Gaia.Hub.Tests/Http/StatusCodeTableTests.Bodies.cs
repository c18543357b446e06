using System.Net;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>Spec 1.3, the rows about the JSON bodies of list-files and revoke-all.</summary>
public sealed partial class StatusCodeTableTests
{
    [Theory]
    [InlineData("list-files", "{")]
    [InlineData("list-files", "{\"page\":}")]
    [InlineData("list-files", "not json")]
    [InlineData("revoke-all", "{")]
    [InlineData("revoke-all", "{\"oldestValidTimestamp\":12,}")]
    [InlineData("revoke-all", "not json")]
    public async Task ABodyThatIsNotJsonGets400(string endpoint, string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(JsonRequest(endpoint, json, HubRequests.Owner), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Theory]
    [InlineData("list-files", false)]
    [InlineData("list-files", true)]
    [InlineData("revoke-all", false)]
    [InlineData("revoke-all", true)]
    public async Task ABodyOver4096BytesGets413(string endpoint, bool chunked)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var json = $"{{\"oldestValidTimestamp\":1,\"pad\":\"{new string('x', 4096)}\"}}";
        var request = JsonRequest(endpoint, json, HubRequests.Owner);
        if (chunked)
        {
            request.Content = new StreamingContent(await request.Content!.ReadAsByteArrayAsync(Ct));
        }

        await HubAssert.ErrorAsync(await client.SendAsync(request, Ct), HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
    }

    [Theory]
    [InlineData("{\"wrongField\":1234}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":\"NaN\"}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":-4343343}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":0}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":null}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":\"\"}", TestKeys.Address0)]
    [InlineData("{\"oldestValidTimestamp\":\"-5\"}", TestKeys.Address0)]
    [InlineData("{\"wrongField\":1234}", TestKeys.Address1)]
    [InlineData("{\"oldestValidTimestamp\":\"NaN\"}", TestKeys.Address1)]
    [InlineData("{\"oldestValidTimestamp\":-4343343}", TestKeys.Address1)]
    public async Task ABadOldestValidTimestampGets400EvenForAForeignAddress(string json, string address)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.RevokeAll(json, HubRequests.OwnerToken(), address), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Fact]
    public async Task AGoodTimestampForAForeignAddressGets401()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var json = $"{{\"oldestValidTimestamp\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000}}}";

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.RevokeAll(json, HubRequests.OwnerToken(), TestKeys.Address1), Ct),
            HttpStatusCode.Unauthorized, "ValidationError");
    }

    [Theory]
    [InlineData("{\"oldestValidTimestamp\":\"1700000000\"}")]
    [InlineData("{\"oldestValidTimestamp\":\"1700000000abc\"}")]
    [InlineData("{\"oldestValidTimestamp\":1700000000.7}")]
    public async Task ANumericStringOrFractionalTimestampIsAccepted(string json)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        var body = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.RevokeAll(json, HubRequests.OwnerToken()), Ct),
            HttpStatusCode.Accepted);

        Assert.Equal("success", body.GetProperty("status").GetString());
    }

    private static HttpRequestMessage JsonRequest(string endpoint, string json, string address) => endpoint == "list-files"
        ? HubRequests.ListFiles(json, HubRequests.OwnerToken(), address)
        : HubRequests.RevokeAll(json, HubRequests.OwnerToken(), address);
}
