using Gaia.Hub.FunctionsHost.Rpc;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// The worker's logs as text. The isolated worker removes its console logger when a host runs it, so its RpcLog
/// messages are the only place its log (start-up errors, the app's ILogger output, invocation failures) appears.
/// </summary>
internal static class WorkerLog
{
    public static string Format(RpcLog log)
    {
        var text = $"[worker {log.Level}] {log.Category}: {log.Message}";
        return log.Exception is { } exception
            ? $"{text}{Environment.NewLine}  {exception.Source}: {exception.Message}{Environment.NewLine}{exception.StackTrace}"
            : text;
    }
}
