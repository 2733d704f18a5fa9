using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>A compiled condition of a rule (one item of <c>when:</c>).</summary>
internal abstract record PatternNode;

/// <summary>
/// Facts of one type, in any of some value sets, dated within a look-back window, for which <see cref="Where"/> holds;
/// bound to <see cref="Slot"/>, one match per fact or the one chosen by <see cref="Select"/>. A window of constant
/// length (<c>180 days</c>, <c>$lookback_dx</c>) is also prepared as <see cref="ConstantWithin"/>. A pattern that
/// reads no binding has a <see cref="Shared"/> key: its result is the same wherever it is written alike.
/// </summary>
internal sealed record FactPatternNode(
    FactTypeSchema Type,
    IReadOnlyList<string> ValueSets,
    Evaluator? Within,
    Evaluator? Where,
    int Slot,
    Selection Select,
    FactField? SelectField,
    DateShift? ConstantWithin = null,
    SharedPattern? Shared = null) : PatternNode
{
    /// <summary>Gets where the candidates come from, shared with the other patterns of this type and value sets.</summary>
    public CandidateSource Candidates { get; } = Type.CandidatesIn(ValueSets);
}

/// <summary>No fact matches the inner pattern (<c>not:</c>).</summary>
internal sealed record NotNode(FactPatternNode Inner) : PatternNode;

/// <summary>At least one fact matches the inner pattern (<c>exists:</c>).</summary>
internal sealed record ExistsNode(FactPatternNode Inner) : PatternNode;

/// <summary>How many facts match the inner pattern, bound as a <c>count</c> aggregate (<c>count:</c>).</summary>
internal sealed record CountNode(FactPatternNode Inner, int Slot, Evaluator? Where) : PatternNode;

/// <summary>The first and last of the facts matching the inner pattern, by date, and the change of a field between them (<c>trend:</c>).</summary>
internal sealed record TrendNode(FactPatternNode Inner, int Slot, FactField Field, Evaluator? Where) : PatternNode;

/// <summary>A condition on the bindings so far, matching no new fact (<c>check:</c>).</summary>
internal sealed record CheckNode(Evaluator Condition) : PatternNode;

/// <summary>Reads the date of a fact for windows and ordering.</summary>
internal static class FactDates
{
    public static DateTimeOffset? Of(FactTypeSchema type, Fact fact) => type.Date?.Invoke(fact);
}
