using System.Collections.Concurrent;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.CarePlans;

/// <summary>
/// Turns what rules propose into ready-to-sign FHIR R4 requests (status <c>draft</c>, intent <c>proposal</c>): a
/// regimen into a MedicationRequest with one Dosage per phase, a lab test into a ServiceRequest coded with the
/// analyte's LOINC code, a referral into a ServiceRequest. Codes come from the value sets, never from C#.
/// </summary>
public sealed class RequestBuilder
{
    /// <summary>The status of every proposed request.</summary>
    public const string Draft = "draft";

    /// <summary>The intent of every proposed request.</summary>
    public const string Proposal = "proposal";

    private readonly TerminologyCatalog _terminology;

    /// <summary>The parts of a regimen's MedicationRequest that depend on the regimen only (immutable, so shared by every request).</summary>
    private readonly ConcurrentDictionary<Regimen, (IReadOnlyList<Annotation> Note, IReadOnlyList<Dosage> Dosages)> _regimenParts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Initializes a new instance of the <see cref="RequestBuilder"/> class.</summary>
    public RequestBuilder(TerminologyCatalog terminology)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        _terminology = terminology;
    }

    /// <summary>Builds the MedicationRequest for a regimen: its product, and one Dosage per phase in order (<c>sequence</c> 1..n).</summary>
    public MedicationRequest Medication(Regimen regimen, RequestBasis basis)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(basis);
        var (note, dosages) = _regimenParts.GetOrAdd(regimen, static (r, builder) => builder.RegimenParts(r), this);
        return new MedicationRequest
        {
            Id = basis.Id,
            Status = Draft,
            Intent = Proposal,
            MedicationCodeableConcept = regimen.Product,
            Subject = basis.Subject,
            ReasonReference = Reasons(basis.Evidence),
            SupportingInformation = Supporting(basis.Evidence),
            InstantiatesCanonical = basis.InstantiatesCanonical,
            Note = note,
            DosageInstruction = dosages,
        };
    }

    /// <summary>Builds the Dosage of one phase: text, timing, route (the route value set's SNOMED CT code) and a UCUM dose.</summary>
    public Dosage Dosage(RegimenPhase phase, int sequence)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var dosage = new Dosage
        {
            Sequence = sequence,
            AdditionalInstruction = phase.Until is { } until ? [new CodeableConcept { Text = UntilText(until) }] : [],
            Timing = Timing(phase),
            Route = Route(phase.Route),
            DoseAndRate = [new DosageDoseAndRate { DoseQuantity = Quantity.Ucum(phase.Dose.Value, phase.Dose.Unit) }],
        };
        return dosage with { Text = $"{Capitalize(phase.Name)}: {phase.Text ?? TimingText.Describe(dosage)}" };
    }

    /// <summary>Builds a phase's Timing: <c>frequency</c> per <c>period</c> <c>periodUnit</c>, bounded by <c>boundsDuration</c> and/or <c>count</c>.</summary>
    public static Timing Timing(RegimenPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return new Timing
        {
            Repeat = new TimingRepeat
            {
                BoundsDuration = phase.Duration is { } d ? Quantity.Ucum(d.Value, d.Unit) : null,
                Count = phase.Count,
                Frequency = phase.Frequency,
                Period = phase.Period,
                PeriodUnit = phase.PeriodUnit,
            },
        };
    }

    /// <summary>Builds a route: the route value set's SNOMED CT coding, with the value set's title as text.</summary>
    public CodeableConcept Route(string routeValueSetId)
    {
        ArgumentNullException.ThrowIfNull(routeValueSetId);
        if (!_terminology.ValueSets.TryGetValue(routeValueSetId, out var valueSet))
        {
            return new CodeableConcept { Text = routeValueSetId };
        }

        var code = valueSet.Codes.FirstOrDefault(c => c.System == CodeSystems.SnomedCt && !c.IsPrefix);
        return new CodeableConcept
        {
            Coding = code is null ? [] : [new Coding { System = code.System, Code = code.Code, Display = code.Display }],
            Text = valueSet.Title,
        };
    }

    /// <summary>Builds a lab order: a ServiceRequest coded with the analyte's first LOINC code.</summary>
    /// <exception cref="KeyNotFoundException">The analyte is not in the lab value sets.</exception>
    public ServiceRequest LabOrder(string analyteId, RequestBasis basis)
    {
        ArgumentNullException.ThrowIfNull(analyteId);
        ArgumentNullException.ThrowIfNull(basis);
        return new ServiceRequest
        {
            Id = basis.Id,
            InstantiatesCanonical = basis.InstantiatesCanonical,
            Status = Draft,
            Intent = Proposal,
            Code = AnalyteCode(analyteId),
            Subject = basis.Subject,
            ReasonReference = Reasons(basis.Evidence),
            SupportingInfo = Supporting(basis.Evidence),
        };
    }

    /// <summary>Builds a follow-up test of a regimen: a lab order due <see cref="RegimenFollowUp.After"/> after <paramref name="start"/>.</summary>
    public ServiceRequest FollowUp(RegimenFollowUp followUp, DateTimeOffset start, RequestBasis basis)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return LabOrder(followUp.Analyte, basis) with
        {
            OccurrenceDateTime = FhirDateTime.FromInstant(Durations.Add(start, followUp.After)),
            ReasonCode = followUp.Reason is { } reason ? [new CodeableConcept { Text = reason }] : [],
        };
    }

    /// <summary>Builds a referral: a ServiceRequest whose code is the text "Referral to &lt;specialty&gt;".</summary>
    public static ServiceRequest Referral(string specialty, RequestBasis basis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specialty);
        ArgumentNullException.ThrowIfNull(basis);
        return new ServiceRequest
        {
            Id = basis.Id,
            InstantiatesCanonical = basis.InstantiatesCanonical,
            Status = Draft,
            Intent = Proposal,
            Code = new CodeableConcept { Text = $"Referral to {specialty}" },
            Subject = basis.Subject,
            ReasonReference = Reasons(basis.Evidence),
            SupportingInfo = Supporting(basis.Evidence),
        };
    }

    /// <summary>Gets the title of an analyte, or its id when unknown.</summary>
    public string AnalyteTitle(string analyteId) => _terminology.Analytes.TryGetValue(analyteId, out var a) ? a.Title : analyteId;

    private CodeableConcept AnalyteCode(string analyteId)
    {
        var analyte = _terminology.Analytes[analyteId];
        var loinc = analyte.Codes.FirstOrDefault(c => c.System == CodeSystems.Loinc && !c.IsPrefix);
        return new CodeableConcept
        {
            Coding = loinc is null ? [] : [new Coding { System = loinc.System, Code = loinc.Code, Display = loinc.Display }],
            Text = analyte.Title,
        };
    }

    /// <summary>The note (title, id, profile and sources) and the Dosage of each phase of a regimen's MedicationRequest.</summary>
    private (IReadOnlyList<Annotation> Note, IReadOnlyList<Dosage> Dosages) RegimenParts(Regimen regimen)
    {
        var citations = regimen.Citations.Select(c => c.Text is null ? c.Source : $"{c.Source}: {c.Text}").ToList();
        Annotation[] note = [new Annotation { Text = $"{regimen.Title} (regimen {regimen.Id}, {regimen.Profile} profile).{(citations.Count > 0 ? " Sources: " + string.Join("; ", citations) + "." : string.Empty)}" }];
        Dosage[] dosages = [.. regimen.Phases.Select((p, i) => Dosage(p, i + 1))];
        return (note, dosages);
    }

    /// <summary>Conditions and Observations: the reasons (FHIR allows only these as a request's <c>reasonReference</c>).</summary>
    private static List<Reference> Reasons(IReadOnlyList<SourceReference> evidence)
    {
        var reasons = new List<Reference>(evidence.Count);
        foreach (var e in evidence)
        {
            if (e.Reference is not null && e.ResourceType is ("Condition" or "Observation"))
            {
                reasons.Add(Reference.To(e.Reference));
            }
        }

        return reasons;
    }

    /// <summary>Everything else but the patient (the subject already).</summary>
    private static List<Reference> Supporting(IReadOnlyList<SourceReference> evidence)
    {
        var supporting = new List<Reference>();
        foreach (var e in evidence)
        {
            if (e.Reference is not null && e.ResourceType is not ("Condition" or "Observation" or "Patient"))
            {
                supporting.Add(Reference.To(e.Reference));
            }
        }

        return supporting;
    }

    private static string UntilText(string until) =>
        until.StartsWith("lifelong", StringComparison.OrdinalIgnoreCase) ? $"Continue {until}" : $"Continue until {until}";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].Replace('-', ' ');
}
