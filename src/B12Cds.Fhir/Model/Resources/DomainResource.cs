using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Model;

/// <summary>A resource with narrative, contained resources and extensions (FHIR <c>DomainResource</c>).</summary>
public abstract record DomainResource : Resource
{
    [JsonPropertyOrder(-90)]
    public Narrative? Text { get; init; }

    [JsonPropertyOrder(-89)]
    public IReadOnlyList<Resource> Contained { get; init => field = FhirList.Clean(value); } = [];

    [JsonPropertyOrder(-88)]
    public IReadOnlyList<Extension> Extension { get; init => field = FhirList.Clean(value); } = [];

    [JsonPropertyOrder(-87)]
    public IReadOnlyList<Extension> ModifierExtension { get; init => field = FhirList.Clean(value); } = [];
}
