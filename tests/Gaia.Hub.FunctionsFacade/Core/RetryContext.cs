namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Facade of <c>src/DotNetWorker.Core/Context/RetryContext.cs</c>: its abstract members (upstream's virtual
/// <c>PreviousException</c>, unused here, is left out).
/// </summary>
public abstract class RetryContext
{
    /// <summary>Gets the retry count of the current event.</summary>
    public abstract int RetryCount { get; }

    /// <summary>Gets the number of retries made before the event is considered undeliverable.</summary>
    public abstract int MaxRetryCount { get; }
}
