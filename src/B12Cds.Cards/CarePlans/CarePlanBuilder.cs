using B12Cds.Cards.CdsHooks;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.CarePlans;

/// <summary>
/// Builds the FHIR R4 CarePlan (status <c>draft</c>, intent <c>proposal</c>) from an evaluation's CarePlan
/// conclusions: the regimen as a contained MedicationRequest (one Dosage per phase) and each follow-up test as a
/// contained ServiceRequest due at the evaluation time plus its delay, each referenced from an activity. One regimen
/// per patient: when rules conclude several, the one from the most urgent, then highest-priority, then first firing
/// is kept and the others are named in a note.
/// </summary>
public sealed class CarePlanBuilder
{
    /// <summary>The id of the contained MedicationRequest.</summary>
    public const string MedicationId = "rx-1";

    private readonly RequestBuilder _requests;

    /// <summary>Initializes a new instance of the <see cref="CarePlanBuilder"/> class.</summary>
    public CarePlanBuilder(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _requests = new RequestBuilder(ruleSet.Terminology);
    }

    /// <summary>Builds the CarePlan, or returns null when no rule put a regimen on it.</summary>
    public CarePlan? Build(EvaluationResult result, CarePlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= CarePlanOptions.Default;
        if (result.CarePlan.Count == 0)
        {
            return null;
        }

        var ranked = Rank(result);
        var regimen = ranked[0].Regimen;
        var behind = ranked.Where(c => c.Regimen.Id == regimen.Id).Select(c => c.Firing).OrderBy(f => f.Sequence).ToList();
        var others = ranked.Where(c => c.Regimen.Id != regimen.Id).ToList();
        var version = result.RuleSetVersion;
        var ruleIds = behind.Select(f => f.Rule.Id).Distinct(StringComparer.Ordinal).ToList();
        var evidence = behind.SelectMany(f => f.Sources()).DistinctBy(s => s.Path, StringComparer.Ordinal).ToList();
        var subject = RequestBasis.SubjectFor(options.PatientId);
        var basis = new RequestBasis
        {
            Subject = subject,
            InstantiatesCanonical = [.. ruleIds.Select(id => B12CdsUris.Rule(id, version))],
            Evidence = evidence,
        };

        var now = result.Context.Now;
        var medication = _requests.Medication(regimen, basis with { Id = MedicationId });
        var followUps = regimen.FollowUp.Select((f, i) => _requests.FollowUp(f, now, basis with { Id = $"sr-{i + 1}" })).ToList();
        var activities = new List<CarePlanActivity> { new() { Reference = Reference.To($"#{MedicationId}", regimen.Product.Label()) } };
        activities.AddRange(regimen.FollowUp.Select((f, i) => new CarePlanActivity
        {
            Reference = Reference.To($"#sr-{i + 1}", $"{_requests.AnalyteTitle(f.Analyte)}, {Durations.Describe(f.After)} after starting"),
        }));

        var notes = new List<Annotation>
        {
            new() { Text = $"Proposed by B12 CDS rule{(ruleIds.Count == 1 ? string.Empty : "s")} {string.Join(", ", ruleIds)} (rule set {version}). Review before signing." },
        };
        notes.AddRange(others.DistinctBy(o => o.Regimen.Id).Select(o => new Annotation
        {
            Text = $"Not included: regimen {o.Regimen.Id} ({o.Regimen.Title}) from rule {o.Firing.Rule.Id}. One regimen per patient: {regimen.Id} comes from the more urgent or higher-priority rule {ranked[0].Firing.Rule.Id}.",
        }));

        return new CarePlan
        {
            Id = NameBasedUuid.FromParts(["careplan", version, regimen.Id, .. ruleIds, .. evidence.Select(e => e.Path), options.PatientId, options.HookInstance]).ToString(),
            Contained = [medication, .. followUps],
            InstantiatesCanonical = basis.InstantiatesCanonical,
            Status = RequestBuilder.Draft,
            Intent = RequestBuilder.Proposal,
            Category = [new CodeableConcept { Text = "Vitamin B12 deficiency treatment" }],
            Title = $"Vitamin B12 treatment: {regimen.Title}",
            Description = Description(regimen),
            Subject = subject,
            Created = FhirDateTime.FromInstant(now),
            Addresses = References(evidence, e => e.ResourceType == "Condition"),
            SupportingInfo = References(evidence, e => e.ResourceType is not ("Condition" or "Patient")),
            Activity = activities,
            Note = notes,
        };
    }

    /// <summary>Orders the conclusions: most urgent card of the same firing first, then highest rule priority, then first fired.</summary>
    internal static List<CarePlanConclusion> Rank(EvaluationResult result) =>
        result.CarePlan
            .Select((c, i) => (Conclusion: c, Index: i))
            .OrderByDescending(x => Urgency(x.Conclusion.Firing, result))
            .ThenByDescending(x => x.Conclusion.Firing.Rule.Priority)
            .ThenBy(x => x.Conclusion.Firing.Sequence)
            .ThenBy(x => x.Index)
            .Select(x => x.Conclusion)
            .ToList();

    private static int Urgency(Firing firing, EvaluationResult result) =>
        result.Cards.Where(c => ReferenceEquals(c.Firing, firing)).Select(c => Indicators.Rank(c.Indicator)).DefaultIfEmpty(0).Max();

    private string Description(Regimen regimen)
    {
        var phases = string.Join("; then ", regimen.Phases.Select(p => p.Text ?? TimingText.Describe(_requests.Dosage(p, 1))));
        var followUp = regimen.FollowUp.Count == 0
            ? string.Empty
            : $" Follow-up: {string.Join("; ", regimen.FollowUp.Select(f => $"{_requests.AnalyteTitle(f.Analyte)} at {Durations.Describe(f.After)}"))}.";
        return $"{regimen.Product.Label()}: {phases}.{followUp}";
    }

    private static List<Reference> References(IEnumerable<SourceReference> evidence, Func<SourceReference, bool> include) =>
        [.. evidence.Where(e => e.Reference is not null && include(e)).Select(e => Reference.To(e.Reference!))];
}
