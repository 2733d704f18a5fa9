namespace B12Cds.Fhir.Model;

/// <summary>The running instance a capability statement describes (FHIR <c>CapabilityStatement.implementation</c>).</summary>
public sealed record CapabilityStatementImplementation
{
    public string? Description { get; init; }

    /// <summary>Gets the base URL of the installation.</summary>
    public string? Url { get; init; }
}
