using B12Cds.Cards.CdsHooks;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Reports;

/// <summary>One firing in an evaluation's trace: which rule, in what order, on which facts (with their FHIR sources), citing what, producing what.</summary>
public sealed record TraceEntry
{
    public required int Sequence { get; init; }

    public required string Rule { get; init; }

    public required string Title { get; init; }

    public required string Area { get; init; }

    public int Priority { get; init; }

    public IReadOnlyList<ExplainedFact> Facts { get; init => field = value ?? []; } = [];

    public IReadOnlyList<Citation> Citations { get; init => field = value ?? []; } = [];

    /// <summary>Gets what the firing produced, in words: cards, CarePlan regimens, derived facts.</summary>
    public IReadOnlyList<string> Produced { get; init => field = value ?? []; } = [];
}
