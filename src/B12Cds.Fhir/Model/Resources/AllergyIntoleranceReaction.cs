namespace B12Cds.Fhir.Model;

/// <summary>One reaction event (FHIR <c>AllergyIntolerance.reaction</c>).</summary>
public sealed record AllergyIntoleranceReaction
{
    public CodeableConcept? Substance { get; init; }

    public IReadOnlyList<CodeableConcept> Manifestation { get; init => field = FhirList.Clean(value); } = [];

    public string? Description { get; init; }

    public FhirDateTime? Onset { get; init; }

    /// <summary>Gets the severity: mild, moderate or severe.</summary>
    public string? Severity { get; init; }

    public CodeableConcept? ExposureRoute { get; init; }

    public IReadOnlyList<Annotation> Note { get; init => field = FhirList.Clean(value); } = [];
}
