using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gaia.Cli.Tests.Support;
using Gaia.Hub.Tests.Support;
using Gaia.Protocol;

namespace Gaia.Client.Tests;

/// <summary>GaiaHubClient against the Kestrel hub on a loopback socket (disk driver, list pages of 2).</summary>
public sealed class GaiaHubClientTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private LoopbackHub hub = null!;
    private GaiaHubClient client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        hub = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:PageSize"] = "2" });
        client = new GaiaHubClient(new Uri(hub.Url), BucketKey.Parse(TestKeys.Key0), http);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task ConnectReadsHubInfo()
    {
        var info = await client.ConnectAsync(Ct);

        Assert.Equal("[\"gaiahub\",\"0\",\"cli-test\",\"blockstack_storage_please_sign\"]", info.ChallengeText);
        Assert.Equal("v1", info.LatestAuthVersion);
        Assert.Equal($"{hub.Url}/read/", info.ReadUrlPrefix);
        Assert.Equal($"{hub.Url}/read/{TestKeys.Address0}/a%20b/%C3%A9.txt", await client.GetFileUrlAsync("a b/é.txt", cancellationToken: Ct));
    }

    [Fact]
    public async Task APlainFileIsStoredAsItIsWithItsTypeAndETag()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        using var content = new MemoryStream(bytes);
        var stored = await client.PutFileAsync("photos/p.bin", content, new() { Encrypt = false, ContentType = "image/webp" }, Ct);

        await using var file = await client.GetFileAsync("photos/p.bin", new() { Decrypt = false }, Ct);

        Assert.Equal(bytes, await file.ReadAsBytesAsync(Ct));
        Assert.Equal("image/webp", file.ContentType);
        Assert.Equal(stored.ETag, file.ETag);
        Assert.Equal($"{hub.Url}/read/{TestKeys.Address0}/photos/p.bin", stored.PublicUrl);
        Assert.Equal(bytes.Length, content.Position);
        Assert.True(content.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task ByDefaultAFileIsEncryptedToTheBucketKeyLikePutFile()
    {
        await client.PutFileAsync("secret.txt", "für dich 🌞", cancellationToken: Ct);

        await using var raw = await client.GetFileAsync("secret.txt", new() { Decrypt = false }, Ct);
        var envelope = await raw.ReadAsStringAsync(Ct);
        await using var plain = await client.GetFileAsync("secret.txt", cancellationToken: Ct);

        Assert.Equal("application/json", raw.ContentType);
        Assert.Contains("\"ephemeralPK\"", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("dich", envelope, StringComparison.Ordinal);
        Assert.Equal("für dich 🌞", await plain.ReadAsStringAsync(Ct));
        Assert.True(plain.WasString);
    }

    [Fact]
    public async Task ASignedPlainFileHasASigFileThatVerifiesOnlyItsOwnBytes()
    {
        await client.PutFileAsync("signed.bin", [1, 2, 3], new() { Encrypt = false, Sign = true }, Ct);
        await using (var verified = await client.GetFileAsync("signed.bin", new() { Decrypt = false, Verify = true }, Ct))
        {
            Assert.Equal([1, 2, 3], await verified.ReadAsBytesAsync(Ct));
        }

        await client.PutFileAsync("signed.bin", [1, 2, 4], new() { Encrypt = false }, Ct);

        await Assert.ThrowsAsync<CryptographicException>(() => client.GetFileAsync("signed.bin", new() { Decrypt = false, Verify = true }, Ct));
    }

    [Fact]
    public async Task AnEncryptedFileSignedByAnotherKeyFailsVerification()
    {
        var other = new GaiaHubClient(new Uri(hub.Url), BucketKey.Parse(TestKeys.Key1), http);
        await other.PutFileAsync("from-1.txt", "hello", new() { Sign = true, EncryptionPublicKey = TestKeys.PublicKey0 }, Ct);
        var options = new GetFileOptions { Bucket = TestKeys.Address1 };

        await using (var unchecked_ = await client.GetFileAsync("from-1.txt", options, Ct))
        {
            Assert.Equal("hello", await unchecked_.ReadAsStringAsync(Ct));
        }

        options.Verify = true;
        var error = await Assert.ThrowsAsync<CryptographicException>(() => client.GetFileAsync("from-1.txt", options, Ct));
        Assert.Contains(TestKeys.Address1, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedConditionIsAGaiaHubExceptionWithTheHubsErrorAndETag()
    {
        var first = await client.PutFileAsync("once.txt", "one", new() { Encrypt = false, IfNoneMatch = "*" }, Ct);

        var error = await Assert.ThrowsAsync<GaiaHubException>(
            () => client.PutFileAsync("once.txt", "two", new() { Encrypt = false, IfNoneMatch = "*" }, Ct));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.Status);
        Assert.Equal("PreconditionFailedError", error.ErrorCode);
        Assert.Equal(first.ETag, error.ETag);
        Assert.StartsWith($"hub {hub.Url} answered 412 PreconditionFailedError: ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.HubMessage);
    }

    [Fact]
    public async Task ListingFollowsEveryPageWithStatAndDeleteRemovesTheSigFileToo()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await client.PutFileAsync($"list/{name}", name, new() { Encrypt = false }, Ct);
        }

        await client.PutFileAsync("list/s", "s", new() { Encrypt = false, Sign = true }, Ct);
        var files = await client.ListFilesAsync(stat: true, Ct).ToListAsync(Ct);
        await client.DeleteFileAsync("list/s", wasSigned: true, Ct);
        var after = await client.ListFilesAsync(cancellationToken: Ct).Select(f => f.Name).ToListAsync(Ct);

        Assert.Equal(["list/a", "list/b", "list/c", "list/d", "list/e", "list/s", "list/s.sig"], files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(f.ContentLength > 0 && f.ETag is not null && f.LastModified is not null));
        Assert.Equal(["list/a", "list/b", "list/c", "list/d", "list/e"], after.Order(StringComparer.Ordinal));
        var missing = await Assert.ThrowsAsync<GaiaHubException>(() => client.DeleteFileAsync("list/s", cancellationToken: Ct));
        Assert.Equal((HttpStatusCode.NotFound, "DoesNotExist"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task RevokeAllEndsTheTokenAndANewClientWorksAgainLater()
    {
        await client.PutFileAsync("before.txt", "x", new() { Encrypt = false }, Ct);
        await client.RevokeAllAsync(DateTimeOffset.UtcNow.AddSeconds(2), Ct);

        var error = await Assert.ThrowsAsync<GaiaHubException>(() => client.PutFileAsync("after.txt", "y", new() { Encrypt = false }, Ct));

        Assert.Equal((HttpStatusCode.Unauthorized, "AuthTokenTimestampValidationError"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task AMissingFileIsA404AndAHubThatIsNotGaiaIsSaidSo()
    {
        var missing = await Assert.ThrowsAsync<GaiaHubException>(() => client.GetFileAsync("nothing", cancellationToken: Ct));
        var notAHub = new GaiaHubClient(new Uri(hub.Url + "/read/"), null, http);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.StartsWith("read endpoint ", missing.Message, StringComparison.Ordinal);
        Assert.IsType<GaiaHubException>(await Record.ExceptionAsync(() => notAHub.ConnectAsync(Ct)));
    }

    [Fact]
    public async Task ContentOverTheHubsLimitIsRefusedBeforeItIsSent()
    {
        await using var small = LoopbackHub.Disk(new Dictionary<string, string?> { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.01" });
        var limited = new GaiaHubClient(new Uri(small.Url), BucketKey.Parse(TestKeys.Key0), http);

        var error = await Assert.ThrowsAsync<GaiaHubException>(() => limited.PutFileAsync("big.bin", new byte[20_000], cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.Status);
        Assert.Empty(await limited.ListFilesAsync(cancellationToken: Ct).ToListAsync(Ct));
    }
}
