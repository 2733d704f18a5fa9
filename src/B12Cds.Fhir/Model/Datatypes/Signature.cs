namespace B12Cds.Fhir.Model;

/// <summary>A digital or electronic signature (FHIR <c>Signature</c>), kept so a signed Provenance read in is written back whole.</summary>
public sealed record Signature
{
    public IReadOnlyList<Coding> Type { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets when the signature was created (a FHIR <c>instant</c>).</summary>
    public FhirDateTime? When { get; init; }

    public Reference? Who { get; init; }

    public Reference? OnBehalfOf { get; init; }

    public string? TargetFormat { get; init; }

    public string? SigFormat { get; init; }

    /// <summary>Gets the signature content, base64-encoded.</summary>
    public string? Data { get; init; }
}
