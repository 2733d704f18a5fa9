namespace B12Cds.Fhir.Model;

/// <summary>Resource metadata (FHIR <c>Meta</c>).</summary>
public sealed record Meta
{
    public string? VersionId { get; init; }

    public FhirDateTime? LastUpdated { get; init; }

    public string? Source { get; init; }

    public IReadOnlyList<string> Profile { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Coding> Security { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Coding> Tag { get; init => field = FhirList.Clean(value); } = [];
}
