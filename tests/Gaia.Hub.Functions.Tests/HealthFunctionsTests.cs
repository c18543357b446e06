using System.Text.Json;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Health;

namespace Gaia.Hub.Functions.Tests;

/// <summary>The healthz and ready functions, routed and run as the Functions host runs them.</summary>
public sealed class HealthFunctionsTests
{
    [Fact]
    public async Task ReadinessAnswers200WhileTheDiskRootIsWritableThen503JsonOnceItIsNot()
    {
        var root = HubSettings.NewDiskRoot();
        await using var app = new FunctionsApp(new Dictionary<string, string?> { ["Gaia:Disk:RootDirectory"] = root });

        var ready = await app.SendAsync(HubRequests.Get("/healthz/ready"));
        var uploads = Path.Join(root, ".gaia-tmp");
        Directory.Delete(uploads, recursive: true);
        await File.WriteAllTextAsync(uploads, "not a folder", TestContext.Current.CancellationToken);
        await Task.Delay(ReadinessProbe.CacheFor + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        var unready = await app.SendAsync(HubRequests.Get("/healthz/ready"));
        var live = await app.SendAsync(HubRequests.Get("/healthz"));

        Assert.Equal(200, ready.Status);
        Assert.Equal("healthy", Status(ready.Body));
        Assert.Equal(503, unready.Status);
        Assert.Equal("application/json", unready.ContentType);
        Assert.Equal("*", unready.AllowOrigin);
        Assert.Equal("unhealthy", Status(unready.Body));
        Assert.Equal(200, live.Status);
        Assert.Equal("{\"status\":\"healthy\"}", live.Body);
        HubSettings.DeleteDiskRoot(root);
    }

    private static string? Status(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString();
    }
}
