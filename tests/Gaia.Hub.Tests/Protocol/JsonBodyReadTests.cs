using System.Text;
using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Http;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Tests.Protocol;

/// <summary>Reading the small JSON bodies of list-files and revoke-all: at most 4096 bytes, a JSON object or nothing.</summary>
public sealed class JsonBodyReadTests
{
    private static HttpRequest Request(string body, long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    private static Task<JsonElement?> ReadAsync(HttpRequest request) =>
        JsonBody.ReadAsync(request, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    public async Task AnEmptyBodyIsNoBody(string body) => Assert.Null(await ReadAsync(Request(body)));

    [Fact]
    public async Task AJsonObjectIsReturned()
    {
        var body = await ReadAsync(Request("{\"page\":\"abc\",\"stat\":true}"));

        Assert.NotNull(body);
        Assert.Equal("abc", body.Value.GetProperty("page").GetString());
        Assert.True(body.Value.GetProperty("stat").GetBoolean());
    }

    [Theory]
    [InlineData("{\"oldestValidTimestamp\":\"\\ud800\"}")]
    [InlineData("{\"page\":\"a\\udc00b\"}")]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"prefix\":[{\"x\":\"\\ud83d\"}]}")]
    public async Task AStringThatIsNotUnicodeIsInvalidInput(string body)
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => ReadAsync(Request(body)));

        Assert.Equal(GaiaError.InvalidInputError, error.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0x7b, 0x22, 0x70, 0x61, 0x67, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d })]
    [InlineData(new byte[] { 0x7b, 0x22, 0xc3, 0x22, 0x3a, 0x31, 0x7d })]
    public async Task BytesThatAreNotUtf8AreInvalidInput(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);

        var error = await Assert.ThrowsAsync<GaiaException>(() => ReadAsync(context.Request));

        Assert.Equal(GaiaError.InvalidInputError, error.Error);
    }

    [Fact]
    public async Task ASurrogatePairIsValid() =>
        Assert.Equal("😀", (await ReadAsync(Request("{\"page\":\"\\ud83d\\ude00\"}")))!.Value.GetProperty("page").GetString());

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"page\":")]
    [InlineData("not json")]
    public async Task AnythingButAJsonObjectIsInvalidInput(string body)
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => ReadAsync(Request(body)));

        Assert.Equal(GaiaError.InvalidInputError, error.Error);
    }

    [Fact]
    public async Task ABodyOfExactly4096BytesIsRead()
    {
        var json = "{\"page\":\"" + new string('x', JsonBody.MaxBytes - 11) + "\"}";
        Assert.Equal(JsonBody.MaxBytes, Encoding.UTF8.GetByteCount(json));

        var body = await ReadAsync(Request(json));

        Assert.Equal(JsonBody.MaxBytes - 11, body!.Value.GetProperty("page").GetString()!.Length);
    }

    [Fact]
    public async Task ABodyOf4097BytesIsTooLarge()
    {
        var json = "{\"page\":\"" + new string('x', JsonBody.MaxBytes - 10) + "\"}";
        Assert.Equal(JsonBody.MaxBytes + 1, Encoding.UTF8.GetByteCount(json));

        var error = await Assert.ThrowsAsync<GaiaException>(() => ReadAsync(Request(json)));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
    }

    [Fact]
    public async Task ADeclaredLengthOver4096IsTooLargeBeforeReading()
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => ReadAsync(Request("{}", contentLength: 4097)));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
    }
}
