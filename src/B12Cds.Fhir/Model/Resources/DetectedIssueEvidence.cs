namespace B12Cds.Fhir.Model;

/// <summary>What the issue was found on (FHIR <c>DetectedIssue.evidence</c>).</summary>
public sealed record DetectedIssueEvidence
{
    public IReadOnlyList<CodeableConcept> Code { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> Detail { get; init => field = FhirList.Clean(value); } = [];
}
