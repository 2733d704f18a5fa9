namespace B12Cds.Fhir.Model;

/// <summary>One part of a multi-part observation, e.g. one analyte of a panel (FHIR <c>Observation.component</c>).</summary>
public sealed record ObservationComponent
{
    public CodeableConcept? Code { get; init; }

    public Quantity? ValueQuantity { get; init; }

    public CodeableConcept? ValueCodeableConcept { get; init; }

    public string? ValueString { get; init; }

    public bool? ValueBoolean { get; init; }

    public int? ValueInteger { get; init; }

    public Range? ValueRange { get; init; }

    public Ratio? ValueRatio { get; init; }

    public string? ValueTime { get; init; }

    public FhirDateTime? ValueDateTime { get; init; }

    public Period? ValuePeriod { get; init; }

    public CodeableConcept? DataAbsentReason { get; init; }

    public IReadOnlyList<CodeableConcept> Interpretation { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<ObservationReferenceRange> ReferenceRange { get; init => field = FhirList.Clean(value); } = [];
}
