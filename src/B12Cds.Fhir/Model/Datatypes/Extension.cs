using System.Text.Json.Serialization;

namespace B12Cds.Fhir.Model;

/// <summary>An extension (FHIR <c>Extension</c>), with the value types B12 CDS reads or writes; other value types are ignored.</summary>
public sealed record Extension
{
    public string? Url { get; init; }

    [JsonPropertyName("extension")]
    public IReadOnlyList<Extension> Extensions { get; init => field = FhirList.Clean(value); } = [];

    public string? ValueString { get; init; }

    public string? ValueCode { get; init; }

    public string? ValueUri { get; init; }

    public string? ValueCanonical { get; init; }

    public bool? ValueBoolean { get; init; }

    public int? ValueInteger { get; init; }

    public FhirDecimal? ValueDecimal { get; init; }

    public FhirDateTime? ValueDateTime { get; init; }

    public Coding? ValueCoding { get; init; }

    public CodeableConcept? ValueCodeableConcept { get; init; }

    public Quantity? ValueQuantity { get; init; }

    public Reference? ValueReference { get; init; }

    public Period? ValuePeriod { get; init; }
}
