using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Gaia.Hub.Tests.Http;

namespace Gaia.Hub.Tests.Fuzz;

/// <summary>
/// Generated garbage (tokens, claims, paths, headers, bodies, encodings) at every route of a real Kestrel hub: never a
/// 5xx, every refusal a JSON <c>{message, error}</c> with CORS headers, and the stored data untouched (issue 11).
/// Deterministic: a fixed seed, a fixed number of requests.
/// </summary>
public sealed class FuzzTests
{
    private const int Requests = 700;
    private static readonly byte[] Original = "the victim's file"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GarbageAtEveryRouteGetsA4xxAsJsonWithCorsAndChangesNothing()
    {
        await using var app = HubApplication.StartOnLoopback(new Dictionary<string, string?> { ["Gaia:PageSize"] = "2" });
        using var client = app.CreateLoopbackClient();
        var (_, etag) = await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store("victim.txt", Original, HubRequests.OwnerToken(), "text/plain"), Ct));

        var property = Prop.ForAll(FuzzInputs.Requests.ToArbitrary(), request => Answer(app.ServerAddress, request));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Requests).WithReplay(20261201, 11).WithQuietOnSuccess(true), property);

        using var read = await client.GetAsync(new Uri($"/read/{FuzzInputs.Victim}/victim.txt", UriKind.Relative), Ct);
        Assert.Equal(Original, await read.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((etag, "text/plain"), (HubAssert.Header(read, "ETag"), HubAssert.Header(read, "Content-Type")));
        var listing = await HubAssert.JsonAsync(await client.SendAsync(HubRequests.ListFiles(null, HubRequests.OwnerToken()), Ct), HttpStatusCode.Accepted);
        Assert.Equal(["victim.txt"], listing.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
    }

    private static void Answer(Uri server, FuzzRequest request)
    {
        var response = RawHttp.SendBytesAsync(server, request.ToBytes(server.Authority), request.Method == "HEAD").GetAwaiter().GetResult();
        Assert.True(response.Status < 500, $"{response.Status} for {request}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
        Assert.True(response.Headers.GetValueOrDefault("Access-Control-Allow-Origin") == "*", $"no CORS header on {response.Status} for {request}");
        if (response.Status >= 400 && request.Method != "HEAD")
        {
            var body = response.Json();
            HubAssert.ErrorBody(body, body.GetProperty("error").GetString()!);
        }
    }
}
