namespace Gaia.Hub.FunctionsHost;

/// <summary>What <see cref="FunctionsHost"/> runs and where it serves it.</summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The published Functions app: the folder with worker.config.json, functions.metadata and host.json.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The loopback port the functions are served on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>App settings, added to the environment the worker inherits (a null value removes a variable).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>How long the worker may take from its start to having loaded every function.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where the worker's logs (RpcLog messages, its standard output and error) and the host's own go.</summary>
    public Action<string> Log { get; init; } = Console.Error.WriteLine;
}
