namespace B12Cds.Fhir.Model;

/// <summary>A problem, diagnosis or health concern (FHIR <c>Condition</c>).</summary>
public sealed record Condition : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Condition";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the clinical status (active, recurrence, relapse, inactive, remission, resolved).</summary>
    public CodeableConcept? ClinicalStatus { get; init; }

    /// <summary>Gets the verification status (unconfirmed, provisional, differential, confirmed, refuted, entered-in-error).</summary>
    public CodeableConcept? VerificationStatus { get; init; }

    public IReadOnlyList<CodeableConcept> Category { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Severity { get; init; }

    public CodeableConcept? Code { get; init; }

    public IReadOnlyList<CodeableConcept> BodySite { get; init => field = FhirList.Clean(value); } = [];

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? OnsetDateTime { get; init; }

    public Quantity? OnsetAge { get; init; }

    public Period? OnsetPeriod { get; init; }

    public Range? OnsetRange { get; init; }

    public string? OnsetString { get; init; }

    public FhirDateTime? AbatementDateTime { get; init; }

    public Quantity? AbatementAge { get; init; }

    public Period? AbatementPeriod { get; init; }

    public Range? AbatementRange { get; init; }

    public string? AbatementString { get; init; }

    public FhirDateTime? RecordedDate { get; init; }

    public Reference? Recorder { get; init; }

    public Reference? Asserter { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];
}
