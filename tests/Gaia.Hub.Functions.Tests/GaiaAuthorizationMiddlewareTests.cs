using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Functions.Tests;

/// <summary>The worker middleware: token check before store, delete, list and revoke; CORS and JSON errors for all.</summary>
public sealed class GaiaAuthorizationMiddlewareTests
{
    [Theory]
    [InlineData(HubFunctions.StoreName)]
    [InlineData(HubFunctions.DeleteName)]
    [InlineData(HubFunctions.ListFilesName)]
    [InlineData(HubFunctions.RevokeAllName)]
    public async Task ARequestWithoutATokenIsAnswered401AndTheFunctionDoesNotRun(string function)
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(RequestFor(function, authorization: null));

        Assert.False(await app.PassesMiddlewareAsync(function, http));
        AssertError(http, 401, nameof(GaiaError.ValidationError));
    }

    [Theory]
    [InlineData(HubFunctions.StoreName)]
    [InlineData(HubFunctions.DeleteName)]
    [InlineData(HubFunctions.ListFilesName)]
    [InlineData(HubFunctions.RevokeAllName)]
    public async Task AValidTokenLetsTheFunctionRun(string function)
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(RequestFor(function, TestTokens.Bearer(TestKeys.Key0)));

        Assert.True(await app.PassesMiddlewareAsync(function, http));
        Assert.Equal("*", http.Response.Headers.AccessControlAllowOrigin.ToString());
    }

    [Theory]
    [InlineData(HubFunctions.HubInfoName)]
    [InlineData(HubFunctions.ReadName)]
    [InlineData(HubFunctions.PreflightName)]
    public async Task FunctionsWithoutATokenCheckRunWithoutAToken(string function)
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.Read("hello.txt"));

        Assert.True(await app.PassesMiddlewareAsync(function, http));
    }

    [Fact]
    public async Task AListFilesBodyThatIsNotJsonIsAnswered400BeforeTheTokenIsLookedAt()
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.ListFiles("not json", authorization: null));

        Assert.False(await app.PassesMiddlewareAsync(HubFunctions.ListFilesName, http));
        AssertError(http, 400, nameof(GaiaError.InvalidInputError));
    }

    [Fact]
    public async Task AListFilesBodyOver4KiBIsAnswered413()
    {
        await using var app = new FunctionsApp();
        var json = $"{{\"page\":\"{new string('a', 4096)}\"}}";
        var http = await app.HttpContextAsync(HubRequests.ListFiles(json, TestTokens.Bearer(TestKeys.Key0)));

        Assert.False(await app.PassesMiddlewareAsync(HubFunctions.ListFilesName, http));
        AssertError(http, 413, nameof(GaiaError.PayloadTooLargeError));
    }

    [Fact]
    public async Task ARequestForABucketThatIsNotAnAddressIsAnswered404()
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.Delete("x", TestTokens.Bearer(TestKeys.Key0), "not_an_address"));

        Assert.False(await app.PassesMiddlewareAsync(HubFunctions.DeleteName, http));
        AssertError(http, 404, nameof(GaiaError.NotFound));
    }

    [Fact]
    public async Task AFailureOfTheFunctionIsAnsweredWithTheMappedStatusAndItsETag()
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.HubInfo());
        var context = new TestFunctionContext(HubFunctions.HubInfoName, http, app.Services);

        await app.Middleware.Invoke(context, _ => throw GaiaException.PreconditionFailed("The file changed.", "\"abc\""));

        var body = AssertError(http, 412, nameof(GaiaError.PreconditionFailedError));
        Assert.Equal("\"abc\"", body.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task AnUnexpectedFailureIsAnswered500WithoutItsDetails()
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.HubInfo());
        var context = new TestFunctionContext(HubFunctions.HubInfoName, http, app.Services);

        await app.Middleware.Invoke(context, _ => throw new InvalidOperationException("secret detail"));

        var body = AssertError(http, 500, "ServerError");
        Assert.Equal("Server Error", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnInvocationWithoutAnHttpContextOnlyRunsTheFunction()
    {
        await using var app = new FunctionsApp();
        Assert.True(await app.PassesMiddlewareAsync(HubFunctions.StoreName, http: null));
    }

    private static HttpRequestMessage RequestFor(string function, string? authorization) => function switch
    {
        HubFunctions.StoreName => HubRequests.Store("hello.txt", [1, 2, 3], authorization),
        HubFunctions.DeleteName => HubRequests.Delete("hello.txt", authorization),
        HubFunctions.ListFilesName => HubRequests.ListFiles("{}", authorization),
        _ => HubRequests.RevokeAll(HubRequests.RevokeBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds()), authorization),
    };

    /// <summary>Asserts a JSON error with the hub's CORS header, and returns its body.</summary>
    private static JsonElement AssertError(HttpContext http, int status, string error)
    {
        var response = HubResponse.From(http.Response, (MemoryStream)http.Response.Body);
        Assert.True(response.Status == status, $"expected {status}, got {response}");
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("*", response.AllowOrigin);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        return body.RootElement.Clone();
    }
}
