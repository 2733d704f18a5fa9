using System.Diagnostics;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Reports;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Service.Evaluation;

/// <summary>What one patient evaluation needs: the resources in hand (prefetch, draft orders or a Bundle), whose they are, and when.</summary>
public sealed record EvaluationInput
{
    /// <summary>Gets the resources to read (Bundles are read entry by entry); other patients' resources are skipped.</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }

    /// <summary>Gets the patient the evaluation is about (CDS Hooks <c>context.patientId</c>, or the $apply subject).</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the evaluation time: look-back windows end here.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the regimen profile (us or uk).</summary>
    public required string Profile { get; init; }

    /// <summary>Gets the CDS Hooks hookInstance, when the evaluation answers a hook (it seeds the card uuids).</summary>
    public string? HookInstance { get; init; }

    /// <summary>Gets the service's public base URL for card sources, when known.</summary>
    public string? ServiceBaseUrl { get; init; }
}

/// <summary>The outcome of one patient evaluation: the rule set it ran on, the facts, the engine's result and the cards and CarePlan.</summary>
public sealed record PatientEvaluation
{
    public required RuleSet RuleSet { get; init; }

    public required FactSet Facts { get; init; }

    public required EvaluationResult Result { get; init; }

    /// <summary>Gets the CDS Hooks cards.</summary>
    public required IReadOnlyList<Card> Cards { get; init; }

    /// <summary>Gets the rules that fired, each once, in the order they first fired.</summary>
    public required IReadOnlyList<string> FiredRules { get; init; }

    /// <summary>
    /// Gets the whole report (cards, CarePlan, trace), built on first use: $apply needs it, a hook answer needs only
    /// <see cref="Cards"/>.
    /// </summary>
    public EvaluationReport Report => (_report ?? throw new InvalidOperationException("The evaluation has no report.")).Value;

    internal Lazy<EvaluationReport> ReportFactory { init => _report = value; }

    private readonly Lazy<EvaluationReport>? _report;

    /// <summary>Gets the time spent reading facts from the resources.</summary>
    public TimeSpan ExtractTime { get; init; }

    /// <summary>Gets the time spent in the rules engine.</summary>
    public TimeSpan EvaluateTime { get; init; }

    /// <summary>Gets the time spent building the cards.</summary>
    public TimeSpan RenderTime { get; init; }
}

/// <summary>
/// Runs the rules over one patient's resources: facts from FHIR, the engine, then cards and the CarePlan. One place
/// for the CDS Hooks endpoints and PlanDefinition/$apply, so both answer the same way for the same data.
/// </summary>
public sealed class PatientEvaluator(IRuleEngine engine)
{
    /// <summary>Evaluates <paramref name="input"/> against <paramref name="ruleSet"/> (take the provider's current set once per request).</summary>
    /// <exception cref="RuleCycleException">The rules chained without end for this patient.</exception>
    public PatientEvaluation Evaluate(RuleSet ruleSet, EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(input);

        var started = Stopwatch.GetTimestamp();
        var bundle = new Bundle { Type = "collection", Entry = [.. input.Resources.Select(r => new BundleEntry { Resource = r })] };
        var facts = new FactExtractor(ruleSet.Terminology).Extract(
            bundle,
            input.AsOf,
            new ExtractionOptions { PatientId = input.PatientId, ReportNotRelevant = false });
        var extracted = Stopwatch.GetTimestamp();

        var result = engine.Evaluate(ruleSet, facts.Facts, new EvaluationContext(input.AsOf, input.Profile));
        var evaluated = Stopwatch.GetTimestamp();

        var cardOptions = new CardOptions
        {
            PatientId = input.PatientId ?? facts.Patient?.PatientId,
            HookInstance = input.HookInstance,
            Profile = input.Profile,
            ServiceBaseUrl = input.ServiceBaseUrl,
        };
        var cards = new CardFactory(ruleSet).Create(result, cardOptions).Cards;
        var rendered = Stopwatch.GetTimestamp();

        return new PatientEvaluation
        {
            RuleSet = ruleSet,
            Facts = facts,
            Result = result,
            Cards = cards,
            FiredRules = [.. result.Firings.Select(f => f.Rule.Id).Distinct(StringComparer.Ordinal)],
            ReportFactory = new Lazy<EvaluationReport>(() => EvaluationReport.Create(ruleSet, result, cardOptions)),
            ExtractTime = Stopwatch.GetElapsedTime(started, extracted),
            EvaluateTime = Stopwatch.GetElapsedTime(extracted, evaluated),
            RenderTime = Stopwatch.GetElapsedTime(evaluated, rendered),
        };
    }
}
