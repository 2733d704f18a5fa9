namespace B12Cds.Fhir.Model;

/// <summary>A person's name (FHIR <c>HumanName</c>).</summary>
public sealed record HumanName
{
    public string? Use { get; init; }

    public string? Text { get; init; }

    public string? Family { get; init; }

    public IReadOnlyList<string?> Given { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string?> Prefix { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string?> Suffix { get; init => field = FhirList.Clean(value); } = [];

    public Period? Period { get; init; }
}
