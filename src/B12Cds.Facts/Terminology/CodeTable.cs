using System.Collections.Frozen;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// Values keyed by code system and code, found without allocating: the system and code, normalised into spans by
/// <see cref="CodeSystems.TryNormalize"/>, are looked up in one frozen dictionary per system.
/// Immutable and safe to share between threads.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class CodeTable<T>
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>>>.AlternateLookup<ReadOnlySpan<char>> _systems;

    /// <summary>Initializes a new instance of the <see cref="CodeTable{T}"/> class.</summary>
    /// <param name="entries">The values by canonical system and normalised code.</param>
    public CodeTable(IEnumerable<KeyValuePair<(string System, string Code), T>> entries)
    {
        var bySystem = entries
            .GroupBy(kv => kv.Key.System, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.ToFrozenDictionary(kv => kv.Key.Code, kv => kv.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                StringComparer.Ordinal);
        _systems = bySystem.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds the value for a normalised system and code.</summary>
    public bool TryGetValue(ReadOnlySpan<char> system, ReadOnlySpan<char> code, out T value)
    {
        if (_systems.TryGetValue(system, out var codes) && codes.TryGetValue(code, out value!))
        {
            return true;
        }

        value = default!;
        return false;
    }
}
