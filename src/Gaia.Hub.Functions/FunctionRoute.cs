using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Functions;

/// <summary>
/// The <c>{*rest}</c> of a function's route, read from the request path (made raw by
/// <see cref="Gaia.Hub.Http.GaiaHttpPipeline.UseRawPath"/> for store, delete and read), as the Kestrel host's
/// <c>{**rest}</c> route value is: everything after the first segment, or null when that is empty.
/// </summary>
internal static class FunctionRoute
{
    public static string? RestOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var slash = path.IndexOf('/', 1);
        return slash < 0 || slash == path.Length - 1 ? null : path[(slash + 1)..];
    }
}
