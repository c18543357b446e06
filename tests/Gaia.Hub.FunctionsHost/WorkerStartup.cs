using Gaia.Hub.FunctionsHost.Rpc;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// The start-up conversation of the Functions host with a worker that indexes its own functions: WorkerInitRequest
/// (the worker answers with its capabilities: HttpUri is where its ASP.NET Core integration listens),
/// FunctionsMetadataRequest, then one FunctionLoadRequest per function, each answered before the next is sent
/// (the .NET worker does not handle FunctionLoadRequestCollection).
/// </summary>
internal static class WorkerStartup
{
    /// <summary>The capability the ASP.NET Core integration announces (Constants.HttpUriCapability upstream).</summary>
    public const string HttpUriCapability = "HttpUri";

    /// <summary>The host version sent in WorkerInitRequest: a Functions 4.x host.</summary>
    private const string HostVersion = "4.1041.200";

    public static async Task<(Uri HttpUri, IReadOnlyList<HttpFunction> Functions)> RunAsync(
        WorkerChannel channel, string appDirectory, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = HostVersion, FunctionAppDirectory = appDirectory, WorkerDirectory = appDirectory };
        var initialized = (await channel.CallAsync(new StreamingMessage { WorkerInitRequest = init }, cancellationToken)).WorkerInitResponse;
        Check(initialized?.Result, "WorkerInitRequest");
        if (!initialized!.Capabilities.TryGetValue(HttpUriCapability, out var httpUri))
        {
            throw new InvalidOperationException(
                "The worker announced no HttpUri capability: the app must use the ASP.NET Core integration (ConfigureFunctionsWebApplication).");
        }

        var request = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory };
        var metadata = (await channel.CallAsync(new StreamingMessage { FunctionsMetadataRequest = request }, cancellationToken)).FunctionMetadataResponse;
        Check(metadata?.Result, "FunctionsMetadataRequest");

        var functions = new List<HttpFunction>();
        foreach (var function in metadata!.FunctionMetadataResults)
        {
            if (string.IsNullOrEmpty(function.FunctionId))
            {
                function.FunctionId = Guid.NewGuid().ToString();
            }

            var load = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function };
            var loaded = (await channel.CallAsync(new StreamingMessage { FunctionLoadRequest = load }, cancellationToken)).FunctionLoadResponse;
            Check(loaded?.Result, $"FunctionLoadRequest of '{function.Name}'");
            if (HttpFunction.From(function.FunctionId, function.Name, function.RawBindings) is { } http)
            {
                functions.Add(http);
            }
        }

        return (new Uri(httpUri), functions);
    }

    private static void Check(StatusResult? result, string request)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException(
                $"The worker failed {request}: {result?.Result} {result?.Exception?.Message}{Environment.NewLine}{result?.Exception?.StackTrace}");
        }
    }
}
