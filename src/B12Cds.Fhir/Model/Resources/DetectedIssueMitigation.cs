namespace B12Cds.Fhir.Model;

/// <summary>An action taken or proposed to reduce the issue's risk (FHIR <c>DetectedIssue.mitigation</c>).</summary>
public sealed record DetectedIssueMitigation
{
    public CodeableConcept? Action { get; init; }

    public FhirDateTime? Date { get; init; }

    public Reference? Author { get; init; }
}
