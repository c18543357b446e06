using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Http;

internal static partial class HubLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error for {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {Method} {Path} ended early: {Reason}")]
    public static partial void RequestAborted(ILogger logger, string method, string path, string reason);
}
