using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>A logger provider that keeps every entry: category, level, formatted message, structured values, exception.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Everything an entry could show to whoever reads the log, as one text.</summary>
    public string AllText() => string.Join('\n', Entries.Select(e =>
        $"{e.Category} {e.Message} {string.Join(' ', e.Values.Select(v => $"{v.Key}={v.Value}"))} {e.Exception}"));

    internal sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception);

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            logs.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), [.. values], exception));
        }
    }
}
