using Gaia.Protocol;

namespace Gaia.Hub.Server;

/// <summary>
/// Caps the requests in progress at the connection limit, so that HTTP/2, which carries many requests per
/// connection, cannot hold more files open than the limit was sized for. A request beyond it is answered at once with
/// 503 and Retry-After (as JSON with CORS headers, by the hub's middleware before this one) instead of waiting.
/// </summary>
internal sealed class RequestLimit(RequestDelegate next, RequestLimit.Settings settings)
{
    private long inProgress;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            if (Interlocked.Increment(ref inProgress) > settings.MaxRequests)
            {
                throw new GaiaException(GaiaError.ServiceUnavailableError,
                    "The hub is serving as many requests as it can; try again shortly.", retryAfter: TimeSpan.FromSeconds(1));
            }

            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref inProgress);
        }
    }

    /// <param name="MaxRequests">Requests in progress at most.</param>
    public sealed record Settings(long MaxRequests);
}
