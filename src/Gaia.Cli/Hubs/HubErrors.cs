using System.Text.Json;

namespace Gaia.Cli.Hubs;

/// <summary>Turns a failed answer into one line: <c>hub http://… answered 401 ValidationError: …</c>.</summary>
internal static class HubErrors
{
    private const int MaxBodyChars = 4096;

    public static async Task<CliException> FromResponseAsync(HttpResponseMessage response, string who, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var detail = response.ReasonPhrase ?? "";
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            body = body.Length > MaxBodyChars ? body[..MaxBodyChars] : body;
            detail = Describe(body) ?? detail;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
        }

        var line = detail.Length > 0 ? $"{who} answered {status} {detail}" : $"{who} answered {status}";
        return new CliException(GaiaCli.OneLine(line), ExitCodes.Failure, response.StatusCode);
    }

    public static CliException Unreachable(string who, Exception e) =>
        new(GaiaCli.OneLine($"cannot reach {who}: {e.Message}"), ExitCodes.Failure, inner: e);

    public static CliException TimedOut(string who) =>
        new($"{who} did not answer within {CliHttp.RequestTimeout.TotalSeconds:0} s");

    /// <summary>"ValidationError: message" from a Gaia error body, the text of a short plain body, or null.</summary>
    private static string? Describe(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                var answer = JsonSerializer.Deserialize(trimmed, HubJson.Default.ErrorAnswer);
                if (answer?.Message is { Length: > 0 } message)
                {
                    return answer.Error is { Length: > 0 } error ? $"{error}: {message}" : message;
                }
            }
            catch (JsonException)
            {
            }
        }

        return trimmed.Length is > 0 and <= 300 && !trimmed.StartsWith('<') ? trimmed : null;
    }
}
