using System.Net;
using System.Text.Json;

namespace Gaia.Client;

/// <summary>Sends a request; an error answer becomes a <see cref="GaiaHubException"/>, a time-out a <see cref="TimeoutException"/>.</summary>
internal static class HubHttp
{
    private const int MaxErrorBodyChars = 4096;

    /// <summary>A JSON body with a Content-Length (not chunked), as hubs' 4 KB body parsers expect.</summary>
    public static ByteArrayContent JsonBody(byte[] json) => new(json) { Headers = { ContentType = new("application/json") } };

    /// <summary>Sends; returns the answer when it is a 2xx. <paramref name="timeout"/> bounds the whole call when given.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string who, TimeSpan? timeout,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } after)
        {
            limit.CancelAfter(after);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{who} did not answer within {timeout?.TotalSeconds:0} s");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorOfAsync(response, who, cancellationToken);
        }
    }

    /// <summary>One line: <c>hub https://… answered 401 ValidationError: message</c>, with the body's fields kept apart.</summary>
    public static async Task<GaiaHubException> ErrorOfAsync(HttpResponseMessage response, string who, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string body;
        try
        {
            body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            body = "";
        }

        body = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
        var answer = ParseError(body);
        var detail = answer?.Message is { Length: > 0 } message
            ? answer.Error is { Length: > 0 } error ? $"{error}: {message}" : message
            : body.Length is > 0 and <= 300 && !body.StartsWith('<') ? body : response.ReasonPhrase ?? "";
        var line = detail.Length > 0 ? $"{who} answered {status} {detail}" : $"{who} answered {status}";
        return new GaiaHubException(OneLine(line), response.StatusCode, answer?.Error, answer?.Message, answer?.ETag);
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static ErrorAnswer? ParseError(string body)
    {
        if (!body.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ClientJson.Default.ErrorAnswer);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
