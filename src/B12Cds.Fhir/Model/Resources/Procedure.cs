namespace B12Cds.Fhir.Model;

/// <summary>An action performed on a patient, e.g. a gastrectomy (FHIR <c>Procedure</c>).</summary>
public sealed record Procedure : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Procedure";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: preparation, in-progress, not-done, on-hold, stopped, completed, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    public CodeableConcept? StatusReason { get; init; }

    public CodeableConcept? Category { get; init; }

    public CodeableConcept? Code { get; init; }

    public Reference? Subject { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? PerformedDateTime { get; init; }

    public Period? PerformedPeriod { get; init; }

    public string? PerformedString { get; init; }

    public Quantity? PerformedAge { get; init; }

    public Range? PerformedRange { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CodeableConcept> BodySite { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Outcome { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];
}
