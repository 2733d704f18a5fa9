namespace B12Cds.Fhir.Model;

/// <summary>What a FHIR server can do (FHIR <c>CapabilityStatement</c>), as served at <c>[base]/metadata</c>.</summary>
public sealed record CapabilityStatement : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "CapabilityStatement";

    public string? Url { get; init; }

    public string? Version { get; init; }

    public string? Name { get; init; }

    public string? Title { get; init; }

    /// <summary>Gets the status: draft, active, retired or unknown.</summary>
    public string? Status { get; init; }

    public bool? Experimental { get; init; }

    public FhirDateTime? Date { get; init; }

    public string? Publisher { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the kind: instance, capability or requirements.</summary>
    public string? Kind { get; init; }

    public CapabilityStatementSoftware? Software { get; init; }

    public CapabilityStatementImplementation? Implementation { get; init; }

    /// <summary>Gets the FHIR version, <c>4.0.1</c> for R4.</summary>
    public string? FhirVersion { get; init; }

    /// <summary>Gets the formats supported (mime types or <c>json</c>, <c>xml</c>, <c>ttl</c>).</summary>
    public IReadOnlyList<string> Format { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> PatchFormat { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> ImplementationGuide { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CapabilityStatementRest> Rest { get; init => field = FhirList.Clean(value); } = [];
}
