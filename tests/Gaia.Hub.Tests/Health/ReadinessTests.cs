using System.Net;
using System.Text.Json;
using Gaia.Hub.Tests.Http;

namespace Gaia.Hub.Tests.Health;

/// <summary><c>/healthz/ready</c> over the disk driver, through the Kestrel host's pipeline.</summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadinessAnswers200WithTheStorageCheckWhenTheDiskRootIsWritable()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", HubAssert.Header(response, "Cache-Control"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("storage", check.GetProperty("name").GetString());
        Assert.Equal("healthy", check.GetProperty("status").GetString());
        Assert.Equal("The disk root is writable.", check.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ReadinessAnswers503JsonWhenTheDiskRootCannotBeWrittenWhileLivenessStays200()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        using (await client.GetAsync(new Uri("/hub_info", UriKind.Relative), Ct))
        {
        }

        // Where uploads are written becomes a plain file: even root cannot create files under it.
        Directory.Delete(app.TempDirectory, recursive: true);
        await File.WriteAllTextAsync(app.TempDirectory, "not a folder", Ct);

        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("*", HubAssert.Header(response, "Access-Control-Allow-Origin"));
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var check = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("unhealthy", check.GetProperty("status").GetString());
        Assert.DoesNotContain(app.DiskRoot, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("{\"status\":\"healthy\"}", await live.Content.ReadAsStringAsync(Ct));
    }
}
