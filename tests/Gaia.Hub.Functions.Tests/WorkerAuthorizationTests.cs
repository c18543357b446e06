using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Functions.Tests;

/// <summary>
/// The worker middleware in the real worker: the token check before store, delete, list and revoke; CORS and JSON errors
/// for all. Requests go over HTTP to the published app under tests/Gaia.Hub.FunctionsHost, on Azurite. Key1's bucket is
/// only revoked here (a revocation locks out every token without iat), the other tests of this worker use Key0.
/// </summary>
public sealed class WorkerAuthorizationTests(WorkerFixture worker)
{
    private static readonly string Owner = TestTokens.Bearer(TestKeys.Key0);

    [Theory]
    [InlineData(HubFunctions.StoreName)]
    [InlineData(HubFunctions.DeleteName)]
    [InlineData(HubFunctions.ListFilesName)]
    [InlineData(HubFunctions.RevokeAllName)]
    public async Task ARequestWithoutATokenIsAnswered401AndTheFunctionDoesNotRun(string function)
    {
        var name = $"unauthorized-{Guid.NewGuid():N}.txt";

        var response = await worker.App.SendAsync(RequestFor(function, name, authorization: null));

        AssertError(response, 401, nameof(GaiaError.ValidationError));
        Assert.Equal(404, (await worker.App.SendAsync(HubRequests.Read(name))).Status);
    }

    [Theory]
    [InlineData(HubFunctions.StoreName, 202)]
    [InlineData(HubFunctions.DeleteName, 202)]
    [InlineData(HubFunctions.ListFilesName, 202)]
    [InlineData(HubFunctions.RevokeAllName, 202)]
    public async Task AValidTokenLetsTheFunctionRun(string function, int status)
    {
        var name = $"authorized-{Guid.NewGuid():N}.txt";
        await worker.App.SendAsync(HubRequests.Store(name, [1, 2, 3], Owner));

        var response = await worker.App.SendAsync(RequestFor(function, name, function == HubFunctions.RevokeAllName
            ? TestTokens.Bearer(TestKeys.Key1)
            : Owner));

        Assert.True(response.Status == status, $"{response}\n{worker.App.Logs}");
        Assert.Equal("*", response.AllowOrigin);
    }

    [Fact]
    public async Task FunctionsWithoutATokenCheckRunWithoutAToken()
    {
        Assert.Equal(200, (await worker.App.SendAsync(HubRequests.HubInfo())).Status);
        AssertError(await worker.App.SendAsync(HubRequests.Read("never-stored.txt")), 404, nameof(GaiaError.DoesNotExist));
        Assert.Equal(204, (await worker.App.SendAsync(HubRequests.Preflight("/store/anything"))).Status);
    }

    [Fact]
    public async Task AListFilesBodyThatIsNotJsonIsAnswered400BeforeTheTokenIsLookedAt() =>
        AssertError(await worker.App.SendAsync(HubRequests.ListFiles("not json", authorization: null)), 400, nameof(GaiaError.InvalidInputError));

    [Fact]
    public async Task AListFilesBodyOver4KiBIsAnswered413()
    {
        var json = $"{{\"page\":\"{new string('a', 4096)}\"}}";

        AssertError(await worker.App.SendAsync(HubRequests.ListFiles(json, Owner)), 413, nameof(GaiaError.PayloadTooLargeError));
    }

    [Fact]
    public async Task ARequestForABucketThatIsNotAnAddressIsAnswered404() =>
        AssertError(await worker.App.SendAsync(HubRequests.Delete("x", Owner, "not_an_address")), 404, nameof(GaiaError.NotFound));

    [Fact]
    public async Task AFailedPreconditionIsAnswered412WithTheCurrentETag()
    {
        var name = $"precondition-{Guid.NewGuid():N}.txt";
        var stored = await worker.App.SendAsync(HubRequests.Store(name, [1], Owner));
        using var storedBody = JsonDocument.Parse(stored.Body);

        var response = await worker.App.SendAsync(HubRequests.Store(name, [2], Owner).With("If-Match", "\"stale\""));

        var body = AssertError(response, 412, nameof(GaiaError.PreconditionFailedError));
        Assert.Equal(storedBody.RootElement.GetProperty("etag").GetString(), body.GetProperty("etag").GetString());
    }

    private static HttpRequestMessage RequestFor(string function, string name, string? authorization) => function switch
    {
        HubFunctions.StoreName => HubRequests.Store(name, [1, 2, 3], authorization),
        HubFunctions.DeleteName => HubRequests.Delete(name, authorization),
        HubFunctions.ListFilesName => HubRequests.ListFiles("{}", authorization),
        _ => HubRequests.RevokeAll(HubRequests.RevokeBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds()), authorization, TestKeys.Address1),
    };

    private JsonElement AssertError(HubResponse response, int status, string error) =>
        HubErrors.AssertError(response, status, error, worker.App.Logs);
}
