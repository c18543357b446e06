using System.Text.Json;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Health;

namespace Gaia.Hub.Functions.Tests;

/// <summary>The healthz and ready functions in the real worker: liveness always, readiness from a storage probe.</summary>
public sealed class HealthFunctionsTests(WorkerFixture worker)
{
    [Fact]
    public async Task LivenessAndReadinessAnswer200OnAzurite()
    {
        var live = await worker.App.SendAsync(HubRequests.Get("/healthz"));
        var ready = await worker.App.SendAsync(HubRequests.Get("/healthz/ready"));

        Assert.Equal((200, "{\"status\":\"healthy\"}"), (live.Status, live.Body));
        Assert.Equal((200, "application/json", "*"), (ready.Status, ready.ContentType, ready.AllowOrigin));
        Assert.Equal("healthy", Status(ready.Body));
    }

    [Fact]
    public async Task ReadinessAnswers503JsonOnceTheDiskRootCannotBeWrittenWhileLivenessStays200()
    {
        var root = HubSettings.NewDiskRoot();
        await using (var app = await WorkerApp.StartAsync(HubSettings.For(root)))
        {
            var ready = await app.SendAsync(HubRequests.Get("/healthz/ready"));
            var uploads = Path.Join(root, ".gaia-tmp");
            Directory.Delete(uploads, recursive: true);
            await File.WriteAllTextAsync(uploads, "not a folder", TestContext.Current.CancellationToken);
            await Task.Delay(ReadinessProbe.CacheFor + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
            var unready = await app.SendAsync(HubRequests.Get("/healthz/ready"));
            var live = await app.SendAsync(HubRequests.Get("/healthz"));

            Assert.Equal((200, "healthy"), (ready.Status, Status(ready.Body)));
            Assert.Equal((503, "application/json", "*"), (unready.Status, unready.ContentType, unready.AllowOrigin));
            Assert.Equal("unhealthy", Status(unready.Body));
            Assert.Equal(200, live.Status);
        }

        HubSettings.DeleteDiskRoot(root);
    }

    private static string? Status(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }
}
