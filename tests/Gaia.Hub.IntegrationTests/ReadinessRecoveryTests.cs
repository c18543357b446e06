using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Gaia.Hub.Health;

namespace Gaia.Hub.IntegrationTests;

/// <summary>
/// Readiness of the azure driver across an outage: an Azurite of the test's own (fixed ports, data on disk) is stopped
/// under a running hub, then started again at the same address.
/// </summary>
public sealed class ReadinessRecoveryTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadinessAnswers503WithinItsTimeoutWhileStorageIsDownAndRecoversByItselfWhenItIsBack()
    {
        await using var azurite = new AzuriteFixture(AzuriteFixture.FreePorts());
        await azurite.InitializeAsync();
        await using var hub = new AzureHubApplication(azurite, AzureTestStorage.NewContainerName(), AzureTestStorage.NewTableName(), 0);
        using var client = hub.CreateClient();
        var (healthy, _) = await ReadyAsync(client);

        await azurite.StopAsync();
        var down = await PollAsync(client, HttpStatusCode.ServiceUnavailable, ReadinessProbe.CacheFor + HealthRegistration.CheckTimeout + Slack);
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        await azurite.InitializeAsync();
        var back = await PollAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, healthy);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        var check = Assert.Single(down.Body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("storage", check.GetProperty("name").GetString());
        Assert.Equal("unhealthy", check.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal("healthy", back.Body.RootElement.GetProperty("status").GetString());
    }

    /// <summary>Asks until the answer has <paramref name="wanted"/>; every answer must come within the check timeout.</summary>
    private static async Task<(HttpStatusCode Status, JsonDocument Body)> PollAsync(HttpClient client, HttpStatusCode wanted, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var asked = Stopwatch.StartNew();
            var (status, body) = await ReadyAsync(client);
            Assert.True(asked.Elapsed < HealthRegistration.CheckTimeout + Slack, $"readiness took {asked.Elapsed} to answer");
            if (status == wanted || clock.Elapsed > within)
            {
                Assert.True(status == wanted, $"readiness still answered {status} after {clock.Elapsed}: {body}");
                return (status, JsonDocument.Parse(body));
            }

            await Task.Delay(250, Ct);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
