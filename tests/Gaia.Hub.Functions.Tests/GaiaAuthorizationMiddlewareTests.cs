using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Functions.Tests;

/// <summary>
/// The worker middleware called as a plain object, for what no request can provoke in the real worker: a function that
/// throws, and an invocation without an HttpContext. WorkerAuthorizationTests covers the rest through the real worker.
/// </summary>
public sealed class GaiaAuthorizationMiddlewareTests
{
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

    private static JsonElement AssertError(HttpContext http, int status, string error) =>
        HubErrors.AssertError(HubResponse.From(http.Response, (MemoryStream)http.Response.Body), status, error);
}
