namespace B12Cds.Fhir.Model;

/// <summary>A clinical issue found for a patient, e.g. folic acid without B12 (FHIR <c>DetectedIssue</c>).</summary>
public sealed record DetectedIssue : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "DetectedIssue";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: registered, preliminary, final, amended, corrected, cancelled, entered-in-error or unknown.</summary>
    public string? Status { get; init; }

    public CodeableConcept? Code { get; init; }

    /// <summary>Gets the severity: high, moderate or low.</summary>
    public string? Severity { get; init; }

    public Reference? Patient { get; init; }

    public FhirDateTime? IdentifiedDateTime { get; init; }

    public Reference? Author { get; init; }

    public IReadOnlyList<Reference> Implicated { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<DetectedIssueEvidence> Evidence { get; init => field = FhirList.Clean(value); } = [];

    public string? Detail { get; init; }

    public string? Reference { get; init; }

    public IReadOnlyList<DetectedIssueMitigation> Mitigation { get; init => field = FhirList.Clean(value); } = [];
}
