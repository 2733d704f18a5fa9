namespace B12Cds.Fhir.Model;

/// <summary>A medication given to a patient, e.g. one B12 injection (FHIR <c>MedicationAdministration</c>).</summary>
public sealed record MedicationAdministration : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "MedicationAdministration";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> Instantiates { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> PartOf { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: in-progress, not-done, on-hold, completed, entered-in-error, stopped or unknown.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<CodeableConcept> StatusReason { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Category { get; init; }

    public CodeableConcept? MedicationCodeableConcept { get; init; }

    public Reference? MedicationReference { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Context { get; init; }

    public IReadOnlyList<Reference> SupportingInformation { get; init => field = FhirList.Clean(value); } = [];

    public FhirDateTime? EffectiveDateTime { get; init; }

    public Period? EffectivePeriod { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public Reference? Request { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public MedicationAdministrationDosage? Dosage { get; init; }
}
