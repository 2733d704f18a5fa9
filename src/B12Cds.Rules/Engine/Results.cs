using B12Cds.Facts.Model;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>A fact a rule matched, with the name it was bound to (null for an unnamed pattern).</summary>
/// <param name="Binding">The pattern's <c>as:</c> name.</param>
/// <param name="Fact">The fact; for an aggregate, see its members.</param>
public sealed record MatchedFact(string? Binding, Fact Fact);

/// <summary>One firing of a rule: which rule, in what order, on which facts. The explanation of everything it produced.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Sequence">1 for the first firing of the evaluation, and so on.</param>
/// <param name="Matched">The facts matched, by binding.</param>
public sealed record Firing(Rule Rule, int Sequence, IReadOnlyList<MatchedFact> Matched)
{
    /// <summary>Gets the FHIR resources behind the matched facts (following derived facts and aggregates back to their sources), distinct, in order.</summary>
    public IReadOnlyList<SourceReference> Sources()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<SourceReference>();
        foreach (var m in Matched)
        {
            Collect(m.Fact, seen, sources, depth: 0);
        }

        return sources;
    }

    private static void Collect(Fact fact, HashSet<string> seen, List<SourceReference> sources, int depth)
    {
        switch (fact)
        {
            case DerivedFact d when depth < 16:
                foreach (var b in d.Basis)
                {
                    Collect(b, seen, sources, depth + 1);
                }

                break;
            case AggregateFact a when depth < 16:
                foreach (var m in a.Members)
                {
                    Collect(m, seen, sources, depth + 1);
                }

                break;
            case DerivedFact or AggregateFact:
                break;
            default:
                if (seen.Add(fact.Source.Path))
                {
                    sources.Add(fact.Source);
                }

                break;
        }
    }
}

/// <summary>
/// A card a rule emitted. Its texts are rendered for this patient from the rule's templates when first read (then
/// kept): evaluation decides what to show; rendering it is the card layer's cost, paid once per card shown.
/// </summary>
public sealed record CardConclusion
{
    private readonly Template? _summaryTemplate;
    private readonly Template? _detailTemplate;
    private readonly MatchRow? _row;
    private string? _summary;
    private string? _detail;

    /// <summary>Initializes a new instance of the <see cref="CardConclusion"/> class with its texts given.</summary>
    public CardConclusion()
    {
    }

    internal CardConclusion(Template summary, Template? detail, MatchRow row)
    {
        _summaryTemplate = summary;
        _detailTemplate = detail;
        _row = row;
    }

    public required Firing Firing { get; init; }

    /// <summary>Gets the urgency: info, warning or critical.</summary>
    public required string Indicator { get; init; }

    /// <summary>Gets the one-line summary.</summary>
    /// <remarks>Rendering twice on two threads at once gives the same text; strings are immutable, so the race is harmless.</remarks>
    public string Summary
    {
        get => field ?? (_summary ??= _summaryTemplate?.Render(_row!)) ?? string.Empty;
        init;
    }

    /// <summary>Gets the markdown detail, if the rule has one.</summary>
    public string? Detail
    {
        get => field ?? (_detail ??= _detailTemplate?.Render(_row!));
        init;
    }

    /// <summary>Gets the clinical area (source.topic).</summary>
    public required string Area { get; init; }

    public IReadOnlyList<CardLink> Links { get; init => field = value ?? []; } = [];

    public IReadOnlyList<SuggestionTemplate> Suggestions { get; init => field = value ?? []; } = [];

    /// <summary>Gets the group: of several cards of one group, only the most urgent is kept (one regimen recommendation per patient).</summary>
    public string? Group { get; init; }
}

/// <summary>A regimen a rule put on the CarePlan.</summary>
/// <param name="Firing">The firing.</param>
/// <param name="Regimen">The regimen.</param>
public sealed record CarePlanConclusion(Firing Firing, Regimen Regimen);

/// <summary>A rule whose action failed for this patient: logged, produces nothing; the other rules still run.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Message">What went wrong.</param>
public sealed record EvaluationError(string RuleId, string Message);

/// <summary>Everything one evaluation produced, each item traceable to its firing.</summary>
public sealed record EvaluationResult
{
    public required string RuleSetVersion { get; init; }

    public required EvaluationContext Context { get; init; }

    /// <summary>Gets the firings in the order they happened: the trace.</summary>
    public IReadOnlyList<Firing> Firings { get; init => field = value ?? []; } = [];

    public IReadOnlyList<CardConclusion> Cards { get; init => field = value ?? []; } = [];

    public IReadOnlyList<CarePlanConclusion> CarePlan { get; init => field = value ?? []; } = [];

    public IReadOnlyList<DerivedFact> DerivedFacts { get; init => field = value ?? []; } = [];

    public IReadOnlyList<EvaluationError> Errors { get; init => field = value ?? []; } = [];
}
