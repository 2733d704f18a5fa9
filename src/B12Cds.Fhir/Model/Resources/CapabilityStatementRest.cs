namespace B12Cds.Fhir.Model;

/// <summary>A RESTful endpoint of a server or client (FHIR <c>CapabilityStatement.rest</c>).</summary>
public sealed record CapabilityStatementRest
{
    /// <summary>Gets the mode: client or server.</summary>
    public string? Mode { get; init; }

    public string? Documentation { get; init; }

    public IReadOnlyList<CapabilityStatementResource> Resource { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CapabilityStatementInteraction> Interaction { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CapabilityStatementOperation> Operation { get; init => field = FhirList.Clean(value); } = [];
}
