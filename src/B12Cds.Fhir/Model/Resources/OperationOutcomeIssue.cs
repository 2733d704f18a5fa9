namespace B12Cds.Fhir.Model;

/// <summary>One issue of an OperationOutcome: severity, issue type code, text and the FHIRPath of the element concerned.</summary>
public sealed record OperationOutcomeIssue
{
    /// <summary>Gets the severity: fatal, error, warning or information.</summary>
    public string? Severity { get; init; }

    /// <summary>Gets the issue type code (http://hl7.org/fhir/issue-type), e.g. structure, invalid, value, not-supported, too-long.</summary>
    public string? Code { get; init; }

    public CodeableConcept? Details { get; init; }

    public string? Diagnostics { get; init; }

    public IReadOnlyList<string> Location { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> Expression { get; init => field = FhirList.Clean(value); } = [];
}
