namespace Gaia.Cli.Hubs;

/// <summary>Sending a request to a hub: network failures, time-outs and error answers become one-line <see cref="CliException"/>s.</summary>
internal static class HubRequests
{
    /// <summary>A JSON body with a Content-Length (not chunked), as hubs' 4 KB body parsers expect.</summary>
    public static ByteArrayContent JsonBody(byte[] json) => new(json) { Headers = { ContentType = new("application/json") } };

    /// <summary>Sends and reads the whole answer; throws unless it is a 2xx. <paramref name="timeout"/> bounds the small JSON calls.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string who, bool timeout,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout)
        {
            limit.CancelAfter(CliHttp.RequestTimeout);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
        }
        catch (HttpRequestException e)
        {
            throw HubErrors.Unreachable(who, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw HubErrors.TimedOut(who);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await HubErrors.FromResponseAsync(response, who, cancellationToken);
        }
    }
}
