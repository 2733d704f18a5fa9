namespace B12Cds.Fhir.Model;

/// <summary>A record that a patient is taking, took or will take a medication (FHIR <c>MedicationStatement</c>).</summary>
public sealed record MedicationStatement : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "MedicationStatement";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> PartOf { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: active, completed, entered-in-error, intended, stopped, on-hold, unknown or not-taken.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<CodeableConcept> StatusReason { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Category { get; init; }

    public CodeableConcept? MedicationCodeableConcept { get; init; }

    public Reference? MedicationReference { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Context { get; init; }

    public FhirDateTime? EffectiveDateTime { get; init; }

    public Period? EffectivePeriod { get; init; }

    public FhirDateTime? DateAsserted { get; init; }

    public Reference? InformationSource { get; init; }

    public IReadOnlyList<Reference> DerivedFrom { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Dosage> Dosage { get; init => field = FhirList.Clean(value); } = [];
}
