namespace B12Cds.Fhir.Model;

/// <summary>The outcome of a transaction or batch entry (FHIR <c>Bundle.entry.response</c>).</summary>
public sealed record BundleEntryResponse
{
    public string? Status { get; init; }

    public string? Location { get; init; }

    public string? Etag { get; init; }

    public FhirDateTime? LastModified { get; init; }

    public Resource? Outcome { get; init; }
}
