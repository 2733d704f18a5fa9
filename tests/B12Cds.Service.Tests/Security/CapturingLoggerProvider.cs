using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace B12Cds.Service.Tests.Security;

/// <summary>Keeps every log entry (message and structured values) so a test can search them.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, EventId EventId, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(string Category, EventId EventId, LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, EventId, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue((category, eventId, logLevel, $"{formatter(state, exception)} || {values} || {exception}"));
        }
    }
}
