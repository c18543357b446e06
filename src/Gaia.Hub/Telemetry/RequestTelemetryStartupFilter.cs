using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Gaia.Hub.Telemetry;

/// <summary>
/// Puts <see cref="RequestTelemetryMiddleware"/> first in the ASP.NET Core pipeline of whichever host runs the hub:
/// the Kestrel server's, and the Functions worker's (ConfigureFunctionsWebApplication builds its pipeline in the same
/// service collection, so the filter applies there too, and the middleware sees each response after the function's
/// result is written).
/// </summary>
internal sealed class RequestTelemetryStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestTelemetryMiddleware>();
        next(app);
    };
}
