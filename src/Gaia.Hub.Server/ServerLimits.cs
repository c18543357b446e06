using Gaia.Hub.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gaia.Hub.Server;

/// <summary>
/// The limits a public server needs, as Kestrel settings with safe defaults: no client, however many connections it
/// opens or however slowly it sends, can use up the process's open files. Anything under <c>Kestrel:Limits</c> in the
/// configuration (<c>Kestrel__Limits__MaxConcurrentConnections</c> …) wins over these defaults.
/// </summary>
internal static class ServerLimits
{
    /// <summary>
    /// Open files kept for everything but connections and requests: .NET keeps each loaded assembly open (about 160 at
    /// start, 200 once every route has run), plus logs, listeners and the storage SDKs' own.
    /// </summary>
    private const long Reserved = 512;

    public static WebApplicationBuilder AddGaiaServerLimits(this WebApplicationBuilder builder)
    {
        var openFiles = OpenFileLimit.Raise();
        var configured = builder.Configuration.GetSection("Kestrel:Limits");
        var connections = configured.GetValue<long?>(nameof(KestrelServerLimits.MaxConcurrentConnections))
            ?? DefaultMaxConnections(openFiles);
        builder.Services.AddSingleton(new RequestLimit.Settings(connections));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MaxConcurrentConnections = connections;
            limits.MaxConcurrentUpgradedConnections = 0;
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            limits.MaxRequestLineSize = 2 * GaiaHttpPipeline.MaxRequestTargetLength;
            limits.MaxRequestHeadersTotalSize = 2 * GaiaHttpPipeline.MaxRequestHeadersLength;
            limits.Http2.MaxStreamsPerConnection = 32;
            configured.Bind(limits);
        });
        return builder;
    }

    /// <summary>
    /// A quarter of the open files left after <see cref="Reserved"/>: each connection takes one, and each of its
    /// requests at most three more (the file read, or the upload's temporary file, the version it replaces and its
    /// sidecar). Between 16 and 10,000.
    /// </summary>
    public static long DefaultMaxConnections(long openFiles) => Math.Clamp((openFiles - Reserved) / 4, 16, 10_000);
}
