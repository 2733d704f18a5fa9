namespace B12Cds.Fhir.Model;

/// <summary>A business identifier (FHIR <c>Identifier</c>).</summary>
public sealed record Identifier
{
    public string? Use { get; init; }

    public CodeableConcept? Type { get; init; }

    public string? System { get; init; }

    public string? Value { get; init; }

    public Period? Period { get; init; }
}
