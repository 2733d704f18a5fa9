using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace B12Cds.Rules.Tests.Hosting;

/// <summary>A logger that keeps every entry, for tests that check what was logged (event id, level, text).</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> WithId(int eventId) =>
        Entries.Where(e => e.EventId.Id == eventId).ToList();
}
