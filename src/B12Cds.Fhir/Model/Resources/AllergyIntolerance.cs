namespace B12Cds.Fhir.Model;

/// <summary>A risk of harmful reaction to a substance (FHIR <c>AllergyIntolerance</c>).</summary>
public sealed record AllergyIntolerance : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "AllergyIntolerance";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the clinical status (active, inactive, resolved).</summary>
    public CodeableConcept? ClinicalStatus { get; init; }

    /// <summary>Gets the verification status (unconfirmed, confirmed, refuted, entered-in-error).</summary>
    public CodeableConcept? VerificationStatus { get; init; }

    /// <summary>Gets the type: allergy or intolerance.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the categories: food, medication, environment, biologic.</summary>
    public IReadOnlyList<string> Category { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the criticality: low, high or unable-to-assess.</summary>
    public string? Criticality { get; init; }

    public CodeableConcept? Code { get; init; }

    public Reference? Patient { get; init; }

    public Reference? Encounter { get; init; }

    public FhirDateTime? OnsetDateTime { get; init; }

    public Quantity? OnsetAge { get; init; }

    public Period? OnsetPeriod { get; init; }

    public Range? OnsetRange { get; init; }

    public string? OnsetString { get; init; }

    public FhirDateTime? RecordedDate { get; init; }

    public Reference? Recorder { get; init; }

    public Reference? Asserter { get; init; }

    public FhirDateTime? LastOccurrence { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<AllergyIntoleranceReaction> Reaction { get; init => field = FhirList.Clean(value); } = [];
}
