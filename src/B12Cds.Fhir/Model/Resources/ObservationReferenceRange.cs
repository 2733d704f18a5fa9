namespace B12Cds.Fhir.Model;

/// <summary>A normal or recommended range for an observation's value (FHIR <c>Observation.referenceRange</c>).</summary>
public sealed record ObservationReferenceRange
{
    public Quantity? Low { get; init; }

    public Quantity? High { get; init; }

    public CodeableConcept? Type { get; init; }

    public IReadOnlyList<CodeableConcept> AppliesTo { get; init => field = FhirList.Clean(value); } = [];

    public Range? Age { get; init; }

    public string? Text { get; init; }
}
