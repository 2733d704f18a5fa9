namespace B12Cds.Fhir.Model;

/// <summary>An order or proposal for a medication (FHIR <c>MedicationRequest</c>); read from the EHR and written as a ready-to-sign suggestion.</summary>
public sealed record MedicationRequest : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "MedicationRequest";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: active, on-hold, cancelled, completed, entered-in-error, stopped, draft or unknown.</summary>
    public string? Status { get; init; }

    public CodeableConcept? StatusReason { get; init; }

    /// <summary>Gets the intent: proposal, plan, order, original-order, reflex-order, filler-order, instance-order or option.</summary>
    public string? Intent { get; init; }

    public IReadOnlyList<CodeableConcept> Category { get; init => field = FhirList.Clean(value); } = [];

    public string? Priority { get; init; }

    public bool? DoNotPerform { get; init; }

    public bool? ReportedBoolean { get; init; }

    public Reference? ReportedReference { get; init; }

    public CodeableConcept? MedicationCodeableConcept { get; init; }

    public Reference? MedicationReference { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public IReadOnlyList<Reference> SupportingInformation { get; init => field = FhirList.Clean(value); } = [];

    public FhirDateTime? AuthoredOn { get; init; }

    public Reference? Requester { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> BasedOn { get; init => field = FhirList.Clean(value); } = [];

    public Identifier? GroupIdentifier { get; init; }

    public CodeableConcept? CourseOfTherapyType { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Dosage> DosageInstruction { get; init => field = FhirList.Clean(value); } = [];

    public MedicationRequestDispenseRequest? DispenseRequest { get; init; }

    public Reference? PriorPrescription { get; init; }
}
