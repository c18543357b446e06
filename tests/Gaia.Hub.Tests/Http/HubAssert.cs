using System.Net;
using System.Text.Json;

namespace Gaia.Hub.Tests.Http;

/// <summary>Exact checks of the hub's responses: status, JSON content type, and the keys and values of the body.</summary>
internal static class HubAssert
{
    /// <summary>Asserts the status and an <c>application/json</c> body, and returns the parsed body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", Header(response, "Content-Type"));
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a <c>{message, error}</c> body (plus <c>etag</c> when <paramref name="etag"/> is given) and the CORS header.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, string? etag = null)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        ErrorBody(body, error, etag);
        return body;
    }

    public static void ErrorBody(JsonElement body, string error, string? etag = null)
    {
        Assert.Equal(etag is null ? ["message", "error"] : ["message", "error", "etag"], Keys(body));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()), "message must not be empty");
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (etag is not null)
        {
            Assert.Equal(etag, body.GetProperty("etag").GetString());
        }
    }

    /// <summary>Asserts a successful store (202 with exactly publicURL and etag) and returns both.</summary>
    public static async Task<(string PublicUrl, string ETag)> StoredAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(["publicURL", "etag"], Keys(body));
        var (publicUrl, etag) = (body.GetProperty("publicURL").GetString()!, body.GetProperty("etag").GetString()!);
        Assert.NotEmpty(etag);
        return (publicUrl, etag);
    }

    /// <summary>Asserts 202 with no body and no content type, as a successful delete answers.</summary>
    public static async Task EmptyAcceptedAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}");
        Assert.Empty(bytes);
        Assert.Null(Header(response, "Content-Type"));
    }

    public static IReadOnlyList<string> Keys(JsonElement body) => [.. body.EnumerateObject().Select(p => p.Name)];

    /// <summary>A response or content header exactly as the server sent it (no parsing or re-quoting).</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values)
        || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null;

    /// <summary>Polls <paramref name="condition"/> for up to five seconds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(5); !condition(); await Task.Delay(20, TestContext.Current.CancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
        }
    }
}
