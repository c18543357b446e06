using System.Net;
using System.Text.Json;

namespace Gaia.Hub.S3.Tests;

/// <summary><c>/healthz/ready</c> on the S3 driver: 200 while the bucket answers, 503 JSON when the service does not.</summary>
public sealed class S3ReadinessTests(MotoFixture moto) : IAsyncLifetime
{
    private S3TestStorage storage = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => storage = await S3TestStorage.CreateAsync(moto);

    public async ValueTask DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ReadinessIsHealthyWhileTheBucketAnswers()
    {
        await using var app = new S3HubApplication(moto, storage);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await StorageCheckAsync(response);
        Assert.Equal(("healthy", "The S3 bucket is reachable."), (check.GetProperty("status").GetString(), check.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task ReadinessIs503WhenTheBucketIsGoneWhileLivenessStays200()
    {
        await using var app = new S3HubApplication(moto, storage);
        using var client = app.CreateClient();
        using (await client.GetAsync(new Uri("/hub_info", UriKind.Relative), Token))
        {
        }

        await storage.DisposeAsync();
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Token);
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var check = await StorageCheckAsync(response);
        Assert.Equal(("unhealthy", "The S3 bucket answered 404 NoSuchBucket."), (check.GetProperty("status").GetString(), check.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        storage = await S3TestStorage.CreateAsync(moto);
    }

    private static async Task<JsonElement> StorageCheckAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray()).Clone();
    }
}
