using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.AzureBlob;
using Gaia.Hub.Telemetry;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.IntegrationTests;

/// <summary>
/// Two hub instances on one Azurite container and table, as Functions scale-out runs them: correctness must come
/// from storage preconditions, since each instance's per-path lock only covers itself.
/// </summary>
public sealed class ScaleOutTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int RevocationCacheSeconds = 5;
    private static readonly string Address = TestKeys.Address0;
    private readonly string container = AzureTestStorage.NewContainerName();
    private readonly string table = AzureTestStorage.NewTableName();
    private AzureHubApplication[] instances = [];
    private HttpClient[] clients = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        instances = [.. Enumerable.Range(0, 2).Select(_ => new AzureHubApplication(azurite, container, table, RevocationCacheSeconds))];
        clients = [.. instances.Select(instance => instance.CreateClient())];
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await azurite.CreateBlobServiceClient().DeleteBlobContainerAsync(container, cancellationToken: Token);
        await azurite.CreateTableServiceClient().DeleteTableAsync(table, Token);
    }

    [Fact]
    public async Task ThirtyTwoWritersThroughTwoInstancesLeaveExactlyOneCompleteUpload()
    {
        var payloads = Enumerable.Range(0, 32)
            .Select(i => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"writer {i:d2};", (i % 4 == 0 ? 100 : 12_000) + i))))
            .ToArray();
        var token = TestTokens.Bearer(TestKeys.Key0);

        var responses = await Task.WhenAll(payloads.Select(async (payload, i) =>
        {
            using var response = await clients[i % 2].SendAsync(Store("shared.bin", payload, token), Token);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Token));
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        using var read = await clients[0].GetAsync($"/read/{Address}/shared.bin", Token);
        var final = await read.Content.ReadAsByteArrayAsync(Token);
        var winner = Assert.Single(payloads.Index(), p => p.Item.AsSpan().SequenceEqual(final)).Index;
        Assert.Equal(HttpStatusCode.Accepted, responses[winner].StatusCode);
        Assert.Contains($"\"etag\":\"{ETagOf(read)}\"", responses[winner].Body, StringComparison.Ordinal);
        Assert.All(instances, instance => Assert.IsType<AzureBlobDriver>(StorageDriverTelemetry.Unwrap(instance.Services.GetRequiredService<IStorageDriver>())));
        var blob = azurite.CreateBlobServiceClient().GetBlobContainerClient(container).GetBlobClient($"{Address}/shared.bin");
        Assert.Equal(final, (await blob.DownloadContentAsync(Token)).Value.Content.ToArray());
    }

    [Fact]
    public async Task IfMatchCountersThroughTwoInstancesLoseNoUpdate()
    {
        var token = TestTokens.Bearer(TestKeys.Key0);
        using (var created = await clients[0].SendAsync(Store("counter", "0"u8.ToArray(), token, ifNoneMatch: "*"), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var increment = 0; increment < 5; increment++)
            {
                await IncrementAsync(clients[worker % 2], token);
            }
        }, Token)));

        Assert.Equal("40", await clients[1].GetStringAsync($"/read/{Address}/counter", Token));
    }

    [Fact]
    public async Task ARevocationThroughOneInstanceIsHonouredByTheOtherWithinTheCacheBound()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var old = TestTokens.Bearer(TestKeys.Key0, new { iat = now - 60 });
        using (var before = await clients[1].SendAsync(Store("r.txt", "1"u8.ToArray(), old), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        using var revoke = new HttpRequestMessage(HttpMethod.Post, $"/revoke-all/{Address}")
        {
            Content = new StringContent($"{{\"oldestValidTimestamp\":{now}}}", Encoding.UTF8, "application/json"),
        };
        revoke.Headers.TryAddWithoutValidation("Authorization", old);
        Assert.Equal(HttpStatusCode.Accepted, (await clients[0].SendAsync(revoke, Token)).StatusCode);
        var revokedAt = TimeProvider.System.GetTimestamp();
        Assert.Equal(HttpStatusCode.Unauthorized, (await clients[0].SendAsync(Store("r.txt", "2"u8.ToArray(), old), Token)).StatusCode);

        while ((await clients[1].SendAsync(Store("r.txt", "3"u8.ToArray(), old), Token)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(revokedAt) < TimeSpan.FromSeconds(RevocationCacheSeconds + 2), "Instance B still accepts the revoked token.");
            await Task.Delay(200, Token);
        }

        var fresh = TestTokens.Bearer(TestKeys.Key0, new { iat = now + 1 });
        Assert.Equal(HttpStatusCode.Accepted, (await clients[1].SendAsync(Store("r.txt", "4"u8.ToArray(), fresh), Token)).StatusCode);
    }

    private static async Task IncrementAsync(HttpClient client, string token)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            using var read = await client.GetAsync($"/read/{Address}/counter", Token);
            var value = int.Parse(await read.Content.ReadAsStringAsync(Token), CultureInfo.InvariantCulture);
            var next = Encoding.ASCII.GetBytes((value + 1).ToString(CultureInfo.InvariantCulture));
            using var stored = await client.SendAsync(Store("counter", next, token, ifMatch: ETagOf(read)), Token);
            if (stored.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }

            Assert.Contains(stored.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed });
            await Task.Delay(Random.Shared.Next(5, 40), Token);
        }

        Assert.Fail("An increment never got through.");
    }

    private static HttpRequestMessage Store(string path, byte[] content, string token, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/store/{Address}/{path}") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("Authorization", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }

    private static string ETagOf(HttpResponseMessage response) => response.Headers.NonValidated["ETag"].ToString();
}
