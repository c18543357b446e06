using System.Net;
using System.Text;
using System.Text.Json;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.IntegrationTests;

/// <summary>
/// On the Azure driver too, a list-files page token is opaque and checked: a token the hub did not issue answers 400
/// (before, Azurite took any marker and answered 202 with an empty or a full listing), and the hub's own tokens page
/// through the bucket (issue 11).
/// </summary>
public sealed class AzurePageTokenTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string container = AzureTestStorage.NewContainerName();
    private readonly string table = AzureTestStorage.NewTableName();
    private AzureHubApplication? hub;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        hub = new AzureHubApplication(azurite, container, table, revocationCacheSeconds: 5);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await hub!.DisposeAsync();
        await azurite.CreateBlobServiceClient().DeleteBlobContainerAsync(container, cancellationToken: Token);
        await azurite.CreateTableServiceClient().DeleteTableAsync(table, Token);
    }

    [Theory]
    [InlineData("\"not-a-page\"")]
    [InlineData("\"abc!!\"")]
    [InlineData("123")]
    public async Task APageTokenTheHubDidNotIssueIs400(string page)
    {
        using var client = hub!.CreateClient();
        await StoreAsync(client, "a.txt");

        using var response = await client.SendAsync(List($"{{\"page\":{page}}}"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("InvalidInputError", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("*", response.Headers.NonValidated["Access-Control-Allow-Origin"].ToString());
    }

    [Fact]
    public async Task TheHubsOwnTokensPageThroughTheBucket()
    {
        using var client = hub!.CreateClient();
        var names = Enumerable.Range(0, 205).Select(i => $"f{i:d3}").ToList();
        foreach (var name in names)
        {
            await StoreAsync(client, name);
        }

        var seen = new List<string>();
        string? page = null;
        do
        {
            using var response = await client.SendAsync(List(page is null ? "{}" : $"{{\"page\":\"{page}\"}}"), Token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            seen.AddRange(body.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!));
            page = body.RootElement.GetProperty("page").GetString();
        }
        while (page is not null);

        Assert.Equal(names, seen);
    }

    private static HttpRequestMessage List(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/list-files/{TestKeys.Address0}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", TestTokens.Bearer(TestKeys.Key0));
        return request;
    }

    private static async Task StoreAsync(HttpClient client, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/store/{TestKeys.Address0}/{name}") { Content = new ByteArrayContent([1]) };
        request.Headers.TryAddWithoutValidation("Authorization", TestTokens.Bearer(TestKeys.Key0));
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
