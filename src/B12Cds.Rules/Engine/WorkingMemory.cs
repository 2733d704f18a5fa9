using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>The facts of one evaluation, indexed by fact type; derived facts are added as rules fire.</summary>
internal sealed class WorkingMemory
{
    private static readonly List<Fact> None = [];
    private readonly Dictionary<string, List<Fact>> _byType = new(StringComparer.Ordinal);

    public WorkingMemory(IEnumerable<Fact> facts)
    {
        foreach (var fact in facts)
        {
            Add(fact);
        }
    }

    public List<DerivedFact> Derived { get; } = [];

    public List<Fact> OfType(string type) => _byType.TryGetValue(type, out var list) ? list : None;

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
