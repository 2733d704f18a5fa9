namespace B12Cds.Fhir.Model;

/// <summary>What a server supports for one resource type (FHIR <c>CapabilityStatement.rest.resource</c>).</summary>
public sealed record CapabilityStatementResource
{
    public string? Type { get; init; }

    public string? Profile { get; init; }

    public string? Documentation { get; init; }

    /// <summary>Gets the interactions: type-level (search-type, create…) and instance-level (read, vread, update…).</summary>
    public IReadOnlyList<CapabilityStatementInteraction> Interaction { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CapabilityStatementSearchParam> SearchParam { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CapabilityStatementOperation> Operation { get; init => field = FhirList.Clean(value); } = [];
}
