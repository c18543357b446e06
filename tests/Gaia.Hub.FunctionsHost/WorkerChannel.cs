using System.Collections.Concurrent;
using System.Threading.Channels;
using Gaia.Hub.FunctionsHost.Rpc;
using Grpc.Core;

namespace Gaia.Hub.FunctionsHost;

/// <summary>
/// This host's end of the worker's event stream: one outgoing queue written by one loop (a gRPC stream takes one writer
/// at a time), answers matched to their requests by request id (invocations by invocation id), RpcLog messages passed to
/// the log. <see cref="WorkerStartup"/> drives the start-up conversation over it.
/// </summary>
internal sealed class WorkerChannel(string workerId, Action<string> log)
{
    private readonly Channel<StreamingMessage> outgoing = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pending = new();
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the worker has opened its stream with StartStream.</summary>
    public Task Connected => connected.Task;

    /// <summary>Completes when the worker's stream has ended.</summary>
    public Task Closed => closed.Task;

    /// <summary>Serves the worker's EventStream call until it ends.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (!await incoming.MoveNext(cancellationToken) || incoming.Current.StartStream?.WorkerId != workerId)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The stream must start with StartStream for this host's worker id."));
        }

        if (!connected.TrySetResult())
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "The worker is connected already."));
        }

        var writer = WriteAllAsync(responses, cancellationToken);
        try
        {
            while (await incoming.MoveNext(cancellationToken))
            {
                Dispatch(incoming.Current);
            }
        }
        finally
        {
            outgoing.Writer.TryComplete();
            closed.TrySetResult();
            foreach (var waiting in pending.Values)
            {
                waiting.TrySetException(new IOException("The worker closed its event stream."));
            }

            await writer;
        }
    }

    /// <summary>Sends a request and waits for the worker's answer to it.</summary>
    public async Task<StreamingMessage> CallAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString();
        var key = request.InvocationRequest?.InvocationId ?? request.RequestId;
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[key] = answer;
        try
        {
            Send(request);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            pending.TryRemove(key, out _);
        }
    }

    /// <summary>Queues a message that gets no answer (WorkerTerminate).</summary>
    public void Send(StreamingMessage message)
    {
        if (!outgoing.Writer.TryWrite(message))
        {
            throw new IOException("The worker's event stream is closed.");
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        if (message.RpcLog is { } rpcLog)
        {
            log(WorkerLog.Format(rpcLog));
            return;
        }

        var key = message.InvocationResponse?.InvocationId ?? message.RequestId;
        if (pending.TryRemove(key, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The stream ended: RunAsync fails whatever still waits.
        }
    }
}
