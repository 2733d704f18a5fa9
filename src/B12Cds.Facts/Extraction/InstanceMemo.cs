namespace B12Cds.Facts.Extraction;

/// <summary>
/// A small table of what was worked out for a string instance (with, optionally, a second object instance), for use
/// within one extraction. The parser gives one shared string for a short value repeated within a document (a unit, a
/// code), so a repeat is found by comparing references, without hashing or normalising the text again. Keys are
/// compared by reference only: another string with the same text is a miss, and its value is worked out (and
/// remembered) afresh, which gives the same value. Bounded: past <see cref="MaxCount"/> keys nothing more is
/// remembered. Not thread-safe.
/// </summary>
/// <typeparam name="TValue">The value remembered.</typeparam>
internal sealed class InstanceMemo<TValue>
{
    /// <summary>The most keys remembered (a patient bundle has a few distinct units).</summary>
    private const int MaxCount = 256;

    private const int InitialSlots = 8;

    private Entry[]? _slots;
    private int _count;

    /// <summary>Finds the value remembered for <paramref name="key"/> and <paramref name="other"/> (both by reference).</summary>
    public bool TryGetValue(string key, object? other, out TValue value)
    {
        if (_slots is { } slots)
        {
            var mask = slots.Length - 1;
            for (var i = Hash(key) & mask; slots[i].Key is { } k; i = (i + 1) & mask)
            {
                if (ReferenceEquals(k, key) && ReferenceEquals(slots[i].Other, other))
                {
                    value = slots[i].Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> and <paramref name="other"/>, unless the table is full; call it only after a miss.</summary>
    public void Add(string key, object? other, TValue value)
    {
        if (_count >= MaxCount)
        {
            return;
        }

        // Grown at half full, so that a probe always ends at an empty slot.
        if (_slots is null || (_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(_slots!, new Entry(key, other, value));
        _count++;
    }

    /// <summary>A hash of the text's length and three of its characters: cheap, and enough to spread the few dozen keys of one input.</summary>
    private static int Hash(string key) =>
        key.Length == 0 ? 0 : (key.Length * 31) ^ key[0] ^ (key[^1] << 5) ^ (key[key.Length >> 1] << 10);

    private static void Insert(Entry[] slots, Entry entry)
    {
        var mask = slots.Length - 1;
        var i = Hash(entry.Key!) & mask;
        while (slots[i].Key is not null)
        {
            i = (i + 1) & mask;
        }

        slots[i] = entry;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old is null ? InitialSlots : old.Length * 2];
        if (old is not null)
        {
            foreach (var entry in old)
            {
                if (entry.Key is not null)
                {
                    Insert(_slots, entry);
                }
            }
        }
    }

    private readonly record struct Entry(string? Key, object? Other, TValue Value);
}
