using System.Security.Cryptography;
using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Functions.Tests.Support;
using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Gaia.Hub.Functions.Tests;

/// <summary>Each function called as a plain object, without the middleware: what it answers, or what it throws.</summary>
public sealed class HubFunctionsTests
{
    private static readonly string Owner = HubRequests.Owner;

    [Fact]
    public async Task HubInfoAnswers200WithTheChallengeTextOfTheConfiguredServer()
    {
        await using var app = new FunctionsApp();

        var response = await CallAsync(app, HubFunctions.HubInfoName, HubRequests.HubInfo());

        using var body = Json(response, 200);
        Assert.Contains(TestTokens.ServerName, body.RootElement.GetProperty("challenge_text").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://hub.test/read/", body.RootElement.GetProperty("read_url_prefix").GetString());
    }

    [Fact]
    public async Task StoreAnswers202WithThePublicUrlAndTheMd5ETag()
    {
        await using var app = new FunctionsApp();
        var content = "hello world"u8.ToArray();

        var response = await CallAsync(app, HubFunctions.StoreName, HubRequests.Store("hello.txt", content, OwnerToken()));

        using var body = Json(response, 202);
        Assert.Equal($"http://hub.test/read/{Owner}/hello.txt", body.RootElement.GetProperty("publicURL").GetString());
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(content)), body.RootElement.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task StoreWithoutATokenThrowsTheValidationErrorThatTheMiddlewareAnswers()
    {
        await using var app = new FunctionsApp();

        var error = await Assert.ThrowsAsync<GaiaException>(
            () => CallAsync(app, HubFunctions.StoreName, HubRequests.Store("hello.txt", [1], null)));

        Assert.Equal(GaiaError.ValidationError, error.Error);
    }

    [Fact]
    public async Task ReadAnswers200WithTheStoredBytesAndTheirContentType()
    {
        await using var app = new FunctionsApp();
        await CallAsync(app, HubFunctions.StoreName, HubRequests.Store("hello.txt", "hello world"u8.ToArray(), OwnerToken()));

        var response = await CallAsync(app, HubFunctions.ReadName, HubRequests.Read("hello.txt"));

        Assert.Equal(new HubResponse(200, "text/plain", null, "hello world"), response);
    }

    [Fact]
    public async Task ReadOfAMissingFileThrowsDoesNotExist()
    {
        await using var app = new FunctionsApp();

        var error = await Assert.ThrowsAsync<GaiaException>(() => CallAsync(app, HubFunctions.ReadName, HubRequests.Read("missing.txt")));

        Assert.Equal(GaiaError.DoesNotExist, error.Error);
    }

    [Fact]
    public async Task DeleteAnswers202WithAnEmptyBody()
    {
        await using var app = new FunctionsApp();
        var token = OwnerToken();
        await CallAsync(app, HubFunctions.StoreName, HubRequests.Store("hello.txt", [1], token));

        var response = await CallAsync(app, HubFunctions.DeleteName, HubRequests.Delete("hello.txt", token));

        Assert.Equal(new HubResponse(202, null, null, ""), response);
    }

    [Fact]
    public async Task ListFilesAnswers202WithTheNamesAndANullPage()
    {
        await using var app = new FunctionsApp();
        var token = OwnerToken();
        await CallAsync(app, HubFunctions.StoreName, HubRequests.Store("hello.txt", [1], token));

        var response = await CallAsync(app, HubFunctions.ListFilesName, HubRequests.ListFiles("{}", token));

        using var body = Json(response, 202);
        Assert.Equal("""{"entries":["hello.txt"],"page":null}""", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task RevokeAllAnswers202WithStatusSuccess()
    {
        await using var app = new FunctionsApp();
        var json = HubRequests.RevokeBody(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var response = await CallAsync(app, HubFunctions.RevokeAllName, HubRequests.RevokeAll(json, OwnerToken()));

        using var body = Json(response, 202);
        Assert.Equal("""{"status":"success"}""", body.RootElement.GetRawText());
    }

    [Fact]
    public async Task PreflightAnswers204WithTheAllowedMethodsAndHeaders()
    {
        await using var app = new FunctionsApp();
        var http = await app.HttpContextAsync(HubRequests.Preflight("/store/anything"));

        await HubFunctions.Preflight(http.Request).ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(204, http.Response.StatusCode);
        Assert.Equal("DELETE,POST,GET,OPTIONS,HEAD", http.Response.Headers.AccessControlAllowMethods.ToString());
        Assert.Contains("Authorization", http.Response.Headers.AccessControlAllowHeaders.ToString(), StringComparison.Ordinal);
    }

    private static string OwnerToken() => TestTokens.Bearer(TestKeys.Key0);

    /// <summary>Runs one function as the worker does once the middleware has passed: the method, then its result.</summary>
    private static async Task<HubResponse> CallAsync(FunctionsApp app, string function, HttpRequestMessage message)
    {
        var http = await app.HttpContextAsync(message);
        var result = await FunctionTable.Named(function).InvokeAsync(FunctionsApp.FunctionsFor(http), http.Request);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        return HubResponse.From(http.Response, (MemoryStream)http.Response.Body);
    }

    private static JsonDocument Json(HubResponse response, int status)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response}");
        Assert.Equal("application/json", response.ContentType);
        return JsonDocument.Parse(response.Body);
    }
}
