using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>The facts of one evaluation, indexed by fact type; derived facts are added as rules fire.</summary>
internal sealed class WorkingMemory
{
    private static readonly List<Fact> None = [];
    private readonly Dictionary<string, List<Fact>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string ValueSet), List<Fact>> _byValueSet = [];

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
    /// each once, in insertion order. Built on first use per evaluation: most patterns name one value set, so a rule
    /// looks at a handful of facts instead of every lab.
    /// </summary>
    public List<Fact> Candidates(string type, IReadOnlyList<string> valueSets)
    {
        if (valueSets.Count == 0)
        {
            return OfType(type);
        }

        if (valueSets.Count == 1)
        {
            return InValueSet(type, valueSets[0]);
        }

        var all = OfType(type);
        var union = new List<Fact>();
        foreach (var fact in all)
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

    private List<Fact> InValueSet(string type, string valueSet)
    {
        if (_byValueSet.TryGetValue((type, valueSet), out var cached))
        {
            return cached;
        }

        var list = new List<Fact>();
        foreach (var fact in OfType(type))
        {
            if (fact.Is(valueSet))
            {
                list.Add(fact);
            }
        }

        _byValueSet[(type, valueSet)] = list;
        return list;
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

    private void Add(Fact fact)
    {
        // Derived facts carry no value sets, so this rarely finds anything; still, never serve a stale index.
        if (_byValueSet.Count > 0)
        {
            List<(string, string)>? stale = null;
            foreach (var key in _byValueSet.Keys)
            {
                if (string.Equals(key.Type, fact.FactType, StringComparison.Ordinal))
                {
                    (stale ??= []).Add(key);
                }
            }

            foreach (var key in stale ?? [])
            {
                _byValueSet.Remove(key);
            }
        }

        if (!_byType.TryGetValue(fact.FactType, out var list))
        {
            list = [];
            _byType.Add(fact.FactType, list);
        }

        list.Add(fact);
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
