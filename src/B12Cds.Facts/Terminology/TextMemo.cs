using System.Collections.Concurrent;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// Remembers the result of a pure function of a text (which value sets' patterns a concept text matches): EHR data
/// repeats the same concept texts and display strings from patient to patient, and matching one text against every
/// pattern costs microseconds. Bounded, so that input made of ever-new texts cannot grow it without limit (past the
/// bound, results are computed each time); thread-safe.
/// </summary>
/// <typeparam name="T">The result type; results are shared between callers, so they must not be changed.</typeparam>
internal sealed class TextMemo<T>
{
    private readonly ConcurrentDictionary<string, T> _results = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private int _count;

    /// <summary>Initializes a new instance of the <see cref="TextMemo{T}"/> class.</summary>
    /// <param name="capacity">The most texts remembered.</param>
    public TextMemo(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Gets the remembered result for <paramref name="text"/>, computing (and remembering, while there is room) it when new.</summary>
    public T GetOrAdd<TState>(string text, Func<string, TState, T> compute, TState state)
    {
        if (_results.TryGetValue(text, out var result))
        {
            return result;
        }

        result = compute(text, state);
        if (Volatile.Read(ref _count) < _capacity && _results.TryAdd(text, result))
        {
            Interlocked.Increment(ref _count);
        }

        return result;
    }
}
