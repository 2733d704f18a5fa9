namespace B12Cds.Fhir.Model;

/// <summary>The software a capability statement describes (FHIR <c>CapabilityStatement.software</c>).</summary>
public sealed record CapabilityStatementSoftware
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public FhirDateTime? ReleaseDate { get; init; }
}
