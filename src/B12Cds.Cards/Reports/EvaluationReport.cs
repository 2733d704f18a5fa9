using B12Cds.Cards.CarePlans;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Reports;

/// <summary>
/// Everything one evaluation shows a person or a script (<c>b12cds evaluate</c>): the rules that fired with their
/// version, the CDS Hooks cards, the CarePlan (or null) and the trace of every firing.
/// </summary>
public sealed record EvaluationReport
{
    public required string RuleSetVersion { get; init; }

    public required EvaluationContext Context { get; init; }

    /// <summary>Gets the rules that fired, each once, in the order they first fired.</summary>
    public IReadOnlyList<RuleReference> FiredRules { get; init => field = value ?? []; } = [];

    public IReadOnlyList<Card> Cards { get; init => field = value ?? []; } = [];

    public CarePlan? CarePlan { get; init; }

    public IReadOnlyList<TraceEntry> Trace { get; init => field = value ?? []; } = [];

    /// <summary>Gets the rules whose actions failed for this patient.</summary>
    public IReadOnlyList<EvaluationError> Errors { get; init => field = value ?? []; } = [];

    /// <summary>Builds the report of an evaluation of <paramref name="ruleSet"/>.</summary>
    public static EvaluationReport Create(RuleSet ruleSet, EvaluationResult result, CardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(result);
        options ??= CardOptions.Default;
        var response = new CardFactory(ruleSet).Create(result, options);
        var carePlan = new CarePlanBuilder(ruleSet).Build(result, new CarePlanOptions { PatientId = options.PatientId, HookInstance = options.HookInstance });
        return new EvaluationReport
        {
            RuleSetVersion = result.RuleSetVersion,
            Context = result.Context,
            FiredRules = [.. result.Firings.Select(f => f.Rule.Id).Distinct(StringComparer.Ordinal).Select(id => new RuleReference(id, result.RuleSetVersion))],
            Cards = response.Cards,
            CarePlan = carePlan,
            Trace = [.. result.Firings.Select(f => TraceOf(f, result))],
            Errors = result.Errors,
        };
    }

    private static TraceEntry TraceOf(Firing firing, EvaluationResult result)
    {
        var produced = new List<string>();
        produced.AddRange(result.Cards.Where(c => ReferenceEquals(c.Firing, firing)).Select(c => $"card ({c.Indicator}): {c.Summary}"));
        produced.AddRange(result.CarePlan.Where(c => ReferenceEquals(c.Firing, firing)).Select(c => $"careplan: {c.Regimen.Id}"));
        produced.AddRange(result.DerivedFacts
            .Where(d => d.RuleId == firing.Rule.Id && d.Basis.SequenceEqual(firing.Matched.Select(m => m.Fact), ReferenceEqualityComparer.Instance))
            .Select(d => $"derived {FactExplainer.Describe(null, d).Text}"));
        return new TraceEntry
        {
            Sequence = firing.Sequence,
            Rule = firing.Rule.Id,
            Title = firing.Rule.Title,
            Area = firing.Rule.Area,
            Priority = firing.Rule.Priority,
            Facts = FactExplainer.Facts(firing),
            Citations = firing.Rule.Citations,
            Produced = produced,
        };
    }
}
