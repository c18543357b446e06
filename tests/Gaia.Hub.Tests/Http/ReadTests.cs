using System.Net;

namespace Gaia.Hub.Tests.Http;

public sealed class ReadTests
{
    private const string TextType = "text/plain; charset=ISO-8859-1";
    private static readonly byte[] Content = "0123456789"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoredFileReadsBackWithItsTypeETagAndCachingHeaders()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, etag) = await StoreAsync(client, "notes/a.txt", Content, TextType);

        using var response = await client.GetAsync(new Uri(publicUrl), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(TextType, HubAssert.Header(response, "Content-Type"));
        Assert.Equal(etag, HubAssert.Header(response, "ETag"));
        Assert.Equal("no-cache", HubAssert.Header(response, "Cache-Control"));
        Assert.Equal("10", HubAssert.Header(response, "Content-Length"));
        var lastModified = DateTimeOffset.Parse(HubAssert.Header(response, "Last-Modified")!, null);
        Assert.InRange(lastModified, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task HeadSendsTheHeadersAndContentLengthButNoBody()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, etag) = await StoreAsync(client, "a.txt", Content, TextType);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(publicUrl)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("10", HubAssert.Header(response, "Content-Length"));
        Assert.Equal(TextType, HubAssert.Header(response, "Content-Type"));
        Assert.Equal(etag, HubAssert.Header(response, "ETag"));
        Assert.NotNull(HubAssert.Header(response, "Last-Modified"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("\"other\", \"{0}\"")]
    public async Task IfNoneMatchWithTheCurrentETagGets304(string format)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, etag) = await StoreAsync(client, "a.txt", Content, TextType);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(publicUrl)).WithHeader("If-None-Match", string.Format(null, format, etag));
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, HubAssert.Header(response, "ETag"));
    }

    [Theory]
    [InlineData("bytes=2-5", "2345", "bytes 2-5/10")]
    [InlineData("bytes=-3", "789", "bytes 7-9/10")]
    [InlineData("bytes=8-", "89", "bytes 8-9/10")]
    [InlineData("bytes=5-100", "56789", "bytes 5-9/10")]
    public async Task ASingleByteRangeGets206WithContentRange(string range, string expected, string contentRange)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, _) = await StoreAsync(client, "a.txt", Content, TextType);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(publicUrl)).WithHeader("Range", range);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(contentRange, HubAssert.Header(response, "Content-Range"));
        Assert.Equal(expected.Length.ToString(null, null), HubAssert.Header(response, "Content-Length"));
    }

    [Fact]
    public async Task ARangeBeyondTheEndGets416()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, _) = await StoreAsync(client, "a.txt", Content, TextType);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(publicUrl)).WithHeader("Range", "bytes=100-");
        using var response = await client.SendAsync(request, Ct);

        await HubAssert.ErrorAsync(response, HttpStatusCode.RequestedRangeNotSatisfiable, "RangeNotSatisfiable");
        Assert.Equal("bytes */10", HubAssert.Header(response, "Content-Range"));
    }

    [Fact]
    public async Task AMissingFileGets404JsonThatIsNotCached()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/missing.txt", UriKind.Relative), Ct);

        await HubAssert.ErrorAsync(response, HttpStatusCode.NotFound, "DoesNotExist");
        Assert.Equal("no-cache", HubAssert.Header(response, "Cache-Control"));
        Assert.Null(HubAssert.Header(response, "ETag"));
    }

    [Theory]
    [InlineData("héllo wörld.txt")]
    [InlineData("dir with space/日本語 ファイル.json")]
    [InlineData("plus+and=equals.txt")]
    [InlineData("emoji 😀/a&b=c;d.txt")]
    public async Task NamesWithSpacesAndNonAsciiCharactersRoundTrip(string name)
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var (publicUrl, etag) = await StoreAsync(client, name, Content, "application/json");

        using var response = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/{HubRequests.Escape(name)}", UriKind.Relative), Ct);

        Assert.Equal($"http://hub.test/read/{HubRequests.Owner}/{name}", publicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, HubAssert.Header(response, "ETag"));
    }

    [Fact]
    public async Task BinaryContentRoundTripsByteForByte()
    {
        await using var app = new HubApplication();
        using var client = app.CreateClient();
        var bytes = new byte[256 * 1024 + 7];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0;
        var (publicUrl, etag) = await StoreAsync(client, "blob.bin", bytes, null);

        using var response = await client.GetAsync(new Uri(publicUrl), Ct);

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/octet-stream", HubAssert.Header(response, "Content-Type"));
        Assert.Equal(etag, HubAssert.Header(response, "ETag"));
    }

    private static async Task<(string PublicUrl, string ETag)> StoreAsync(HttpClient client, string name, byte[] bytes, string? type) =>
        await HubAssert.StoredAsync(await client.SendAsync(HubRequests.Store(name, bytes, HubRequests.OwnerToken(), type), Ct));
}
