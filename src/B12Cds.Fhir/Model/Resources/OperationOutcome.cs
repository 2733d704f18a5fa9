namespace B12Cds.Fhir.Model;

/// <summary>Errors, warnings and information about an operation (FHIR <c>OperationOutcome</c>).</summary>
public sealed record OperationOutcome : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "OperationOutcome";

    public IReadOnlyList<OperationOutcomeIssue> Issue { get; init => field = FhirList.Clean(value); } = [];
}
