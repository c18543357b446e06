using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Http;

/// <summary>The hub's CORS rules (spec 1.4), applied to every response including errors, plus ETag exposed for reads.</summary>
internal static class Cors
{
    public const string AllowedMethods = "DELETE,POST,GET,OPTIONS,HEAD";
    public const string AllowedHeaders = "Authorization,Content-Type,If-Match,If-None-Match,Range";
    public const string ExposedHeaders = "ETag,Content-Type,Content-Range,Last-Modified,Retry-After";

    public static void AddTo(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    public static void AnswerPreflight(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.AccessControlAllowMethods = AllowedMethods;
        response.Headers.AccessControlAllowHeaders = AllowedHeaders;
        response.Headers.AccessControlMaxAge = "86400";
        response.ContentLength = 0;
    }
}
