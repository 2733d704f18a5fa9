namespace B12Cds.Fhir.Model;

/// <summary>A resource used in the activity (FHIR <c>Provenance.entity</c>).</summary>
public sealed record ProvenanceEntity
{
    /// <summary>Gets how it was used: derivation, revision, quotation, source or removal.</summary>
    public string? Role { get; init; }

    public Reference? What { get; init; }

    /// <summary>Gets who was involved with the entity.</summary>
    public IReadOnlyList<ProvenanceAgent> Agent { get; init => field = FhirList.Clean(value); } = [];
}
