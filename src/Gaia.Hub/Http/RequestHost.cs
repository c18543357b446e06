using System.Net;
using Gaia.Hub.Errors;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Http;

/// <summary>
/// Which Host headers the hub trusts to build the URLs it answers with (<c>read_url_prefix</c>, <c>publicURL</c>) when
/// neither <c>Gaia:PublicUrl</c> nor <c>Gaia:ReadUrl</c> is set: loopback names (a hub on one's own machine) and the
/// hosts in <c>Gaia:AllowedHosts</c>. Any other Host would be echoed to whoever forged it, and cached by any proxy in
/// between, so such a request is refused with 400, as Django refuses hosts outside its ALLOWED_HOSTS.
/// </summary>
internal static class RequestHost
{
    /// <summary>Scheme, host and path base of the request; 400 when its host is not one the hub trusts.</summary>
    public static string BaseUrlOf(HttpRequest request, IReadOnlyCollection<string> allowedHosts)
    {
        var host = request.Host.Host;
        if (!IsLoopback(host) && !allowedHosts.Any(allowed => Matches(allowed, host)))
        {
            throw GaiaException.InvalidInput(
                $"This hub does not answer for the host '{request.Host}'. Its operator sets Gaia__PublicUrl, or lists the host in Gaia__AllowedHosts.");
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary><c>*</c> matches any host, <c>*.example.com</c> its subdomains, anything else the host itself (any port).</summary>
    private static bool Matches(string allowed, string host) =>
        allowed == "*"
        || (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase))
        || allowed.Equals(host, StringComparison.OrdinalIgnoreCase);
}
