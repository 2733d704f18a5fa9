using System.Numerics;
using System.Text;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>
/// The JSON names of one type's elements, looked up by the UTF-8 bytes of a property name: one hash and (almost
/// always) one comparison, where a chain of comparisons would try the names one by one. A type's readers name its
/// elements by an enum whose members are the elements' JSON names (capitalized), in any order. (Any short list of
/// strings can be looked up the same way: see <see cref="KnownSystems"/>.)
/// </summary>
internal sealed class ElementTable
{
    private readonly byte[][] _names;
    private readonly int[] _slots;
    private readonly int _mask;

    private ElementTable(IReadOnlyList<string> names)
    {
        if (names.Count > 64)
        {
            throw new ArgumentException("A reader tracks at most 64 elements (one bit each).", nameof(names));
        }

        _names = [.. names.Select(n => Encoding.UTF8.GetBytes(n))];

        // Four slots per name keeps probes short; an empty slot always ends a search.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, names.Count * 4));
        _mask = size - 1;
        _slots = new int[size];
        for (var i = 0; i < _names.Length; i++)
        {
            var slot = Hash(_names[i]) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>Gets the number of elements.</summary>
    public int Count => _names.Length;

    /// <summary>Gets the element names, by index.</summary>
    public IReadOnlyList<string> Names => [.. _names.Select(n => Encoding.UTF8.GetString(n))];

    /// <summary>Builds the table of the elements <typeparamref name="TElement"/> names, after <paramref name="inherited"/> ones (index 0 onwards).</summary>
    /// <typeparam name="TElement">An enum of the type's own elements: member <c>BasedOn</c> is element <c>basedOn</c>, at index <c>inherited.Count + (int)BasedOn</c>.</typeparam>
    /// <param name="inherited">The names of the elements read before the type's own, e.g. a resource's <c>id</c> and <c>meta</c>; none when null.</param>
    public static ElementTable Of<TElement>(IReadOnlyList<string>? inherited = null)
        where TElement : struct, Enum
    {
        var own = Enum.GetValues<TElement>();
        var names = new List<string>(inherited ?? []);
        for (var i = 0; i < own.Length; i++)
        {
            if (Convert.ToInt32(own[i], System.Globalization.CultureInfo.InvariantCulture) != i)
            {
                throw new ArgumentException($"{typeof(TElement).Name} must number its members 0, 1, 2… in order.", nameof(TElement));
            }

            var name = own[i].ToString();
            names.Add(string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1)));
        }

        return new ElementTable(names);
    }

    /// <summary>Builds the table of the given names (index 0 onwards).</summary>
    public static ElementTable Of(params string[] names) => new(names);

    /// <summary>Finds a property name (as it is in the JSON, unescaped): its index, or -1 for a name the type does not have.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        var slot = Hash(name) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (name.SequenceEqual(_names[entry - 1]))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static int Hash(ReadOnlySpan<byte> name) =>
        (name.Length * 31) ^ (name[0] * 7) ^ (name[^1] * 131) ^ (name[name.Length / 2] * 17);
}
