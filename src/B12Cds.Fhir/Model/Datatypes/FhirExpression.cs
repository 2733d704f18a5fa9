namespace B12Cds.Fhir.Model;

/// <summary>An expression in a named language (FHIR <c>Expression</c>).</summary>
public sealed record FhirExpression
{
    public string? Description { get; init; }

    public string? Name { get; init; }

    public string? Language { get; init; }

    public string? Expression { get; init; }

    public string? Reference { get; init; }
}
