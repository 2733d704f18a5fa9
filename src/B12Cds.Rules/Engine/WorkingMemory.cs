using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>
/// The facts of one evaluation, indexed by fact type and by (fact type, value set) as they are added, so a pattern
/// that names a value set looks at its members only; derived facts are added as rules fire.
/// </summary>
internal sealed class WorkingMemory
{
    private static readonly List<Fact> None = [];
    private readonly Dictionary<string, List<Fact>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string ValueSet), List<Fact>> _byValueSet = [];

    // Unions for patterns naming several value sets, by the pattern's own (immutable) list: built once per evaluation.
    // Never stale: only derived facts are added later, and they belong to no value set.
    private readonly Dictionary<IReadOnlyList<string>, List<Fact>> _unions = new(ReferenceEqualityComparer.Instance);

    public WorkingMemory(IEnumerable<Fact> facts)
    {
        foreach (var fact in facts)
        {
            Add(fact);
        }
    }

    public List<DerivedFact> Derived { get; } = [];

    public List<Fact> OfType(string type) => _byType.TryGetValue(type, out var list) ? list : None;

    /// <summary>
    /// The facts of a type that belong to any of <paramref name="valueSets"/> (all of the type when none are named),
    /// each once, in insertion order.
    /// </summary>
    public List<Fact> Candidates(string type, IReadOnlyList<string> valueSets)
    {
        if (valueSets.Count == 0)
        {
            return OfType(type);
        }

        if (valueSets.Count == 1)
        {
            return _byValueSet.TryGetValue((type, valueSets[0]), out var members) ? members : None;
        }

        if (_unions.TryGetValue(valueSets, out var cached))
        {
            return cached;
        }

        var union = new List<Fact>();
        _unions[valueSets] = union;
        foreach (var fact in OfType(type))
        {
            foreach (var id in valueSets)
            {
                if (fact.Is(id))
                {
                    union.Add(fact);
                    break;
                }
            }
        }

        return union;
    }

    /// <summary>Adds a derived fact unless an equal one (same type and field values) is already there; returns whether it was added.</summary>
    public bool TryDerive(DerivedFact fact)
    {
        foreach (var existing in OfType(fact.TypeName))
        {
            if (existing is DerivedFact d && SameFields(d, fact))
            {
                return false;
            }
        }

        Add(fact);
        Derived.Add(fact);
        return true;
    }

    /// <summary>Adds a fact to its type's list and to the list of every value set it belongs to: one pass, no scans later.</summary>
    private void Add(Fact fact)
    {
        if (!_byType.TryGetValue(fact.FactType, out var list))
        {
            list = [];
            _byType.Add(fact.FactType, list);
        }

        list.Add(fact);
        var concepts = fact.Concepts;
        for (var i = 0; i < concepts.Count; i++)
        {
            var key = (fact.FactType, concepts[i].ValueSetId);
            if (!_byValueSet.TryGetValue(key, out var members))
            {
                members = [];
                _byValueSet.Add(key, members);
            }

            // A fact may match one value set twice (by code and by text): list it once.
            if (members.Count == 0 || !ReferenceEquals(members[^1], fact))
            {
                members.Add(fact);
            }
        }
    }

    private static bool SameFields(DerivedFact a, DerivedFact b)
    {
        if (a.Fields.Count != b.Fields.Count)
        {
            return false;
        }

        foreach (var (name, value) in a.Fields)
        {
            if (!b.Fields.TryGetValue(name, out var other) || ExpressionCompiler.Compare(value, other) is not 0 && !(value.IsNull && other.IsNull))
            {
                return false;
            }
        }

        return true;
    }
}
