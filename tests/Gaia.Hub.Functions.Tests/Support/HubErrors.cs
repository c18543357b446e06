using System.Text.Json;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>What every error of the hub looks like: the status, JSON <c>{message, error}</c>, the CORS origin header.</summary>
internal static class HubErrors
{
    /// <summary>Asserts the error and returns its body; <paramref name="context"/> (e.g. the worker's log) goes into the failure.</summary>
    public static JsonElement AssertError(HubResponse response, int status, string error, string context = "")
    {
        Assert.True(response.Status == status, $"expected {status}, got {response}\n{context}");
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("*", response.AllowOrigin);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        return body.RootElement.Clone();
    }
}
