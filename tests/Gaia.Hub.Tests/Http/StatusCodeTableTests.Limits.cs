using System.Net;
using System.Security.Cryptography;

namespace Gaia.Hub.Tests.Http;

/// <summary>Spec 1.3, the 413 and 412 rows of store.</summary>
public sealed partial class StatusCodeTableTests
{
    /// <summary>0.0001 MB = 104 bytes.</summary>
    private static Dictionary<string, string?> SmallLimit => new() { ["Gaia:MaxFileUploadSizeMegabytes"] = "0.0001" };

    [Fact]
    public async Task AStoreWhoseContentLengthIsOverTheLimitGets413()
    {
        await using var app = new HubApplication(SmallLimit);
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("big.bin", new byte[105], HubRequests.OwnerToken()), Ct),
            HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
    }

    [Fact]
    public async Task AChunkedStoreThatStreamsPastTheLimitGets413()
    {
        await using var app = new HubApplication(SmallLimit);
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(
            await client.SendAsync(HubRequests.Store("big.bin", new StreamingContent(new byte[500]), HubRequests.OwnerToken()), Ct),
            HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Delete("big.bin", HubRequests.OwnerToken()), Ct),
            HttpStatusCode.NotFound, "DoesNotExist");
    }

    [Fact]
    public async Task UploadsOfExactlyTheLimitAreStoredWhetherChunkedOrNot()
    {
        await using var app = new HubApplication(SmallLimit);
        using var client = app.CreateClient();

        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("a.bin", new byte[104], HubRequests.OwnerToken()), Ct));
        await HubAssert.StoredAsync(await client.SendAsync(
            HubRequests.Store("b.bin", new StreamingContent(new byte[104]), HubRequests.OwnerToken()), Ct));
    }

    [Fact]
    public async Task IfMatchWithAnotherETagGets412CarryingTheCurrentETag()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var current = await StoreHelloAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(Overwrite().WithHeader("If-Match", "bad-etag"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError", current);
    }

    [Fact]
    public async Task IfMatchOnAMissingFileGets412WithoutAnETag()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        await HubAssert.ErrorAsync(await client.SendAsync(Overwrite().WithHeader("If-Match", "5d41402abc4b2a76b9719d911017c592"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError");
    }

    [Fact]
    public async Task IfMatchAndIfNoneMatchTogetherGet412()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var current = await StoreHelloAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(Overwrite().WithHeader("If-Match", current).WithHeader("If-None-Match", "*"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError", current);
    }

    [Fact]
    public async Task IfNoneMatchWithAnythingButAStarGets412()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var current = await StoreHelloAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(Overwrite().WithHeader("If-None-Match", "not-a-wildcard"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError", current);
    }

    [Fact]
    public async Task IfNoneMatchStarOnAnExistingFileGets412()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var current = await StoreHelloAsync(client);

        await HubAssert.ErrorAsync(await client.SendAsync(Overwrite().WithHeader("If-None-Match", "*"), Ct),
            HttpStatusCode.PreconditionFailed, "PreconditionFailedError", current);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("*")]
    public async Task IfMatchWithTheCurrentETagInAnyQuotingOrStarOverwrites(string format)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var current = await StoreHelloAsync(client);

        var (_, etag) = await HubAssert.StoredAsync(
            await client.SendAsync(Overwrite().WithHeader("If-Match", string.Format(null, format, current)), Ct));

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("changed"u8)), etag);
    }

    /// <summary>Stores "hello" as helloWorld with If-None-Match: * and returns its ETag.</summary>
    private static async Task<string> StoreHelloAsync(HttpClient client)
    {
        var request = HubRequests.Store("helloWorld", "hello"u8.ToArray(), HubRequests.OwnerToken()).WithHeader("If-None-Match", "*");
        var (_, etag) = await HubAssert.StoredAsync(await client.SendAsync(request, Ct));
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", etag);
        return etag;
    }

    private static HttpRequestMessage Overwrite() => HubRequests.Store("helloWorld", "changed"u8.ToArray(), HubRequests.OwnerToken());
}
