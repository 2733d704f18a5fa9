namespace B12Cds.Fhir.Model;

/// <summary>One planned activity: a reference to a request, or an inline detail (FHIR <c>CarePlan.activity</c>).</summary>
public sealed record CarePlanActivity
{
    public IReadOnlyList<CodeableConcept> OutcomeCodeableConcept { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> OutcomeReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Annotation> Progress { get; init => field = FhirList.Clean(value); } = [];

    public Reference? Reference { get; init; }

    public CarePlanActivityDetail? Detail { get; init; }
}
