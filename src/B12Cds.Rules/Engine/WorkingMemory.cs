using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>
/// The facts of one evaluation, indexed by fact type as they are added; a pattern that names value sets looks at
/// their members only, found when a pattern first asks for them (most value sets are named by no rule, so indexing
/// every fact by every value set it belongs to costs more than it saves). Derived facts are added as rules fire.
/// </summary>
internal sealed class WorkingMemory
{
    private static readonly List<Fact> None = [];
    private readonly Dictionary<string, List<Fact>> _byType = new(StringComparer.Ordinal);

    // Each candidate source's facts, found once per evaluation. Never stale: a source without value sets gets its
    // type's own (growing) list, and the members of value sets never change, since derived facts belong to none.
    private readonly Dictionary<CandidateSource, List<Fact>> _candidates = new(ReferenceEqualityComparer.Instance);

    // What shared patterns (written alike in several rules, reading no binding) found, each worked out once.
    private readonly Dictionary<SharedPattern, SharedResult> _shared = new(ReferenceEqualityComparer.Instance);

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
    /// The facts of a type that belong to any of the source's value sets (all of the type when none are named), each
    /// once, in insertion order.
    /// </summary>
    public List<Fact> Candidates(CandidateSource source)
    {
        if (!_candidates.TryGetValue(source, out var candidates))
        {
            candidates = Find(source.Type, source.ValueSets);
            _candidates.Add(source, candidates);
        }

        return candidates;
    }

    private List<Fact> Find(string type, IReadOnlyList<string> valueSets)
    {
        if (valueSets.Count == 0)
        {
            // The type's own list, created now if there is none yet, so facts derived later show up in it.
            if (!_byType.TryGetValue(type, out var all))
            {
                all = [];
                _byType.Add(type, all);
            }

            return all;
        }

        List<Fact>? members = null;
        foreach (var fact in OfType(type))
        {
            // A fact may match one value set twice (by code and by text), or several of them: listed once.
            if (InAny(fact, valueSets))
            {
                (members ??= []).Add(fact);
            }
        }

        return members ?? None;
    }

    /// <summary>
    /// What a shared pattern found so far in this evaluation, for <paramref name="candidates"/> candidates: started
    /// afresh when their number has changed (a derived type gains facts as rules fire; value-set members never change).
    /// </summary>
    public SharedResult SharedResultOf(SharedPattern shared, int candidates)
    {
        if (!_shared.TryGetValue(shared, out var result) || result.CandidateCount != candidates)
        {
            result = new SharedResult(candidates);
            _shared[shared] = result;
        }

        return result;
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

    /// <summary>Adds a fact to its type's list.</summary>
    private void Add(Fact fact)
    {
        if (!_byType.TryGetValue(fact.FactType, out var list))
        {
            list = [];
            _byType.Add(fact.FactType, list);
        }

        list.Add(fact);
    }

    /// <summary>Whether the fact belongs to any of the value sets (<see cref="Fact.Is"/> for several, with index loops that allocate no enumerators).</summary>
    private static bool InAny(Fact fact, IReadOnlyList<string> valueSets)
    {
        var concepts = fact.Concepts;
        for (var c = 0; c < concepts.Count; c++)
        {
            var id = concepts[c].ValueSetId;
            for (var v = 0; v < valueSets.Count; v++)
            {
                if (string.Equals(id, valueSets[v], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
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
