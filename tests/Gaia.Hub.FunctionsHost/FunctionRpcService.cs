using Gaia.Hub.FunctionsHost.Rpc;
using Grpc.Core;

namespace Gaia.Hub.FunctionsHost;

/// <summary>The FunctionRpc gRPC service the worker connects to: its one EventStream call, handed to the channel.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
