using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace B12Cds.Rules.Engine;

/// <summary>
/// The few named fields of an aggregate (count; first, last, change, days, count), as a read-only dictionary over two
/// arrays: the names are shared by every aggregate of a kind, and looking one up among five by name is quicker,
/// and much smaller, than a hash table built for each match.
/// </summary>
internal sealed class FieldTable : IReadOnlyDictionary<string, Value>
{
    private readonly string[] _names;
    private readonly Value[] _values;

    /// <summary>Initializes a new instance of the <see cref="FieldTable"/> class; <paramref name="names"/> are distinct and not copied.</summary>
    public FieldTable(string[] names, Value[] values)
    {
        if (names.Length != values.Length)
        {
            throw new ArgumentException("One value per name.", nameof(values));
        }

        _names = names;
        _values = values;
    }

    /// <inheritdoc/>
    public int Count => _names.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _names;

    /// <inheritdoc/>
    public IEnumerable<Value> Values => _values;

    /// <inheritdoc/>
    public Value this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No field '{key}'.");

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Value value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, Value>(_names[i], _values[i]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
