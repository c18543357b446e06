using System.Net;
using System.Text;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// Spec 1.3, the 403 and 400 rows about the request target. HttpClient removes dot segments and re-escapes bad
/// percent-encoding, so these requests are written by hand to a hub on a loopback socket.
/// </summary>
public sealed partial class StatusCodeTableTests
{
    [Theory]
    [InlineData("DELETE", "/delete/{0}/../traversal")]
    [InlineData("POST", "/store/{0}/../x")]
    [InlineData("POST", "/store/{0}/%2E%2E/x")]
    [InlineData("POST", "/store/{0}/dir/../../x")]
    [InlineData("DELETE", "/delete/{0}/%2e%2e%2Ftraversal")]
    [InlineData("POST", "/store/{0}/a..b.txt")]
    [InlineData("POST", "/store/{0}/foo//")]
    [InlineData("POST", "/store/{0}//")]
    [InlineData("POST", "/store/{0}/back%5Cslash")]
    public async Task AnUnsafePathIsRefusedWith403BadPathError(string method, string target)
    {
        await using var app = HubApplication.StartOnLoopback();

        var response = await RawHttp.SendAsync(app.ServerAddress, method, string.Format(null, target, HubRequests.Owner),
            new Dictionary<string, string> { ["Authorization"] = HubRequests.OwnerToken() }, "data"u8.ToArray());

        Assert.Equal(403, response.Status);
        HubAssert.ErrorBody(response.Json(), "BadPathError");
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.DiskRoot, "x", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.DiskRoot, "traversal", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnUnauthenticatedTraversalIsRefusedWith401BeforeThePathIsLookedAt()
    {
        await using var app = HubApplication.StartOnLoopback();

        var response = await RawHttp.SendAsync(app.ServerAddress, "DELETE", $"/delete/{HubRequests.Owner}/../traversal");

        Assert.Equal(401, response.Status);
        HubAssert.ErrorBody(response.Json(), "ValidationError");
    }

    [Theory]
    [InlineData("%E0%A4%A")]
    [InlineData("file%")]
    [InlineData("%zz.txt")]
    [InlineData("%FF.txt")]
    [InlineData("%C3%28.txt")]
    public async Task MalformedPercentEncodingInAStorePathIsRefusedWith400(string encodedName)
    {
        await using var app = HubApplication.StartOnLoopback();

        var response = await RawHttp.SendAsync(app.ServerAddress, "POST", $"/store/{HubRequests.Owner}/{encodedName}",
            new Dictionary<string, string> { ["Authorization"] = HubRequests.OwnerToken() }, "data"u8.ToArray());

        Assert.Equal(400, response.Status);
        HubAssert.ErrorBody(response.Json(), "InvalidInputError");
    }

    [Fact]
    public async Task AContentTypeLongerThan1024CharactersIsRefusedWith400()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var tooLong = "text/plain; x=" + new string('a', 1024 - 14 + 1);

        await HubAssert.ErrorAsync(await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken(), tooLong), Ct),
            HttpStatusCode.BadRequest, "InvalidInputError");
    }

    [Fact]
    public async Task AContentTypeOfExactly1024CharactersIsStored()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var longest = "text/plain; x=" + new string('a', 1024 - 14);

        var (publicUrl, _) = await HubAssert.StoredAsync(
            await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken(), longest), Ct));
        using var read = await client.GetAsync(new Uri(publicUrl), Ct);

        Assert.Equal(longest, HubAssert.Header(read, "Content-Type"));
        Assert.Equal(1024, Encoding.ASCII.GetByteCount(longest));
    }
}
