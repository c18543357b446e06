using System.Net;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Http;

/// <summary>The per-bucket write rate limit (Gaia:RateLimit): 429 as JSON with CORS and Retry-After, one bucket at a time.</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HubApplication Limited(string writesPerSecond = "0.2", string burst = "2") => new(new Dictionary<string, string?>
    {
        ["Gaia:RateLimit:WritesPerSecond"] = writesPerSecond,
        ["Gaia:RateLimit:Burst"] = burst,
    });

    [Fact]
    public async Task WritesBeyondABucketsBurstGet429WithRetryAfterAndCors()
    {
        await using var app = Limited();
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], token), Ct));
        await HubAssert.EmptyAcceptedAsync(await client.SendAsync(HubRequests.Delete("a.txt", token), Ct));

        using var refused = await client.SendAsync(HubRequests.Store("b.txt", [2], token), Ct);

        await HubAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "TooManyRequestsError");
        var retryAfter = int.Parse(HubAssert.Header(refused, "Retry-After")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 5);
        Assert.Contains("Retry-After", HubAssert.Header(refused, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);
        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/b.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task AnotherBucketReadsAndListingsAreNotLimited()
    {
        await using var app = Limited(burst: "1");
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], token), Ct));
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("a.txt", [2], token), Ct), HttpStatusCode.TooManyRequests, "TooManyRequestsError");

        await HubAssert.StoredAsync(await client.SendAsync(
            HubRequests.Store("b.txt", [3], TestTokens.Bearer(TestKeys.Key1), address: TestKeys.Address1), Ct));
        for (var i = 0; i < 3; i++)
        {
            using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/a.txt", UriKind.Relative), Ct);
            Assert.Equal([1], await read.Content.ReadAsByteArrayAsync(Ct));
            await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles(null, token), Ct), HttpStatusCode.Accepted);
        }
    }

    [Fact]
    public async Task UnauthenticatedRequestsDoNotUseUpABucketsRate()
    {
        await using var app = Limited(burst: "1");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], TestTokens.Bearer(TestKeys.Key1)), Ct),
                HttpStatusCode.Unauthorized, "ValidationError");
        }

        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken()), Ct));
    }

    [Fact]
    public async Task TheRateComesBackAfterTheWait()
    {
        await using var app = Limited(writesPerSecond: "5", burst: "1");
        using var client = app.CreateClient();
        var token = HubRequests.OwnerToken();
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], token), Ct));
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("a.txt", [2], token), Ct), HttpStatusCode.TooManyRequests, "TooManyRequestsError");

        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);

        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [3], token), Ct));
    }

    [Fact]
    public async Task WithoutTheSettingThereIsNoLimit()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        for (var i = 0; i < 50; i++)
        {
            await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.txt", [(byte)i], HubRequests.OwnerToken()), Ct));
        }
    }
}
