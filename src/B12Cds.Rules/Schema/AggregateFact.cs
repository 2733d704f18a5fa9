using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>The result of an aggregate pattern (<c>count</c>, <c>trend</c>), bound like a fact so rules read its fields by name.</summary>
public sealed record AggregateFact : Fact
{
    /// <summary>Gets the aggregate's kind: count or trend.</summary>
    public required string Kind { get; init; }

    /// <inheritdoc/>
    public override string FactType => Kind;

    /// <summary>Gets the aggregate's fields (count; first, last, change, days).</summary>
    public required IReadOnlyDictionary<string, Value> Fields { get; init; }

    /// <summary>Gets the facts aggregated.</summary>
    public IReadOnlyList<Fact> Members { get; init => field = value ?? []; } = [];
}
