using System.Net;
using Gaia.Hub.Tests.Http;
using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>The one structured line per request, and what no log line may ever contain.</summary>
public sealed class RequestLogTests
{
    private static readonly Dictionary<string, string?> TraceEverything = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachRequestIsLoggedOnceWithMethodRouteStatusBytesDurationBucketAndTraceId()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubApplication(TraceEverything);
        using var app = hub.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = app.CreateClient();
        var content = new byte[777];

        using var stored = await client.SendAsync(HubRequests.Store("log/a.bin", content, HubRequests.OwnerToken()), Ct);
        var storedBody = await stored.Content.ReadAsByteArrayAsync(Ct);
        using var missing = await client.GetAsync(new Uri("/nowhere", UriKind.Relative), Ct);
        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        var lines = logs.Entries.Where(e => e.Category == "Gaia.Hub.Requests").ToList();
        Assert.Equal(3, lines.Count);
        var store = Values(lines[0]);
        Assert.Equal(LogLevel.Information, lines[0].Level);
        Assert.Equal("POST", store["Method"]);
        Assert.Equal("/store/{*rest}", store["Route"]);
        Assert.Equal(202, store["StatusCode"]);
        Assert.Equal(777L, store["BytesIn"]);
        Assert.Equal((long)storedBody.Length, store["BytesOut"]);
        Assert.Equal(HubRequests.Owner, store["Bucket"]);
        Assert.Matches("^[0-9a-f]{32}$", (string)store["TraceId"]!);
        Assert.InRange((double)store["ElapsedMilliseconds"]!, 0, 60_000);
        Assert.StartsWith("POST /store/{*rest} 202 in ", lines[0].Message, StringComparison.Ordinal);
        var unmatched = Values(lines[1]);
        Assert.Equal("(none)", unmatched["Route"]);
        Assert.Equal(404, unmatched["StatusCode"]);
        Assert.Equal("-", unmatched["Bucket"]);
        var health = Values(lines[2]);
        Assert.Equal("/healthz/ready", health["Route"]);
        Assert.Equal("-", health["Bucket"]);
    }

    [Fact]
    public async Task NoTokenAndNoKeyAppearsInAnyLogLineEvenAtTraceLevel()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubApplication(TraceEverything);
        using var app = hub.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(logs)));
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        var foreign = TestTokens.Bearer(TestKeys.Key1);
        var jwt = token["bearer v1:".Length..];

        using var stored = await client.SendAsync(HubRequests.Store("secret/a.txt", [1, 2, 3], token), Ct);
        using var refused = await client.SendAsync(HubRequests.Store("secret/b.txt", [1], foreign), Ct);
        using var malformed = await client.SendAsync(HubRequests.ListFiles("{}", "bearer v1:" + jwt[..^3] + "AAA"), Ct);
        using var revoked = await client.SendAsync(HubRequests.RevokeAll("{\"oldestValidTimestamp\":1}", token), Ct);

        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, revoked.StatusCode);
        var text = logs.AllText();
        Assert.Contains("Gaia.Hub.Requests", text, StringComparison.Ordinal);
        foreach (var secret in new[] { jwt, jwt.Split('.')[2], foreign[7..], TestKeys.Key0, TestKeys.Key1 })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, object?> Values(CapturedLogs.Entry entry) =>
        entry.Values.ToDictionary(v => v.Key, v => v.Value);
}
