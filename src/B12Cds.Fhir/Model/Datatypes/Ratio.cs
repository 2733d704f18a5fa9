namespace B12Cds.Fhir.Model;

/// <summary>A numerator over a denominator (FHIR <c>Ratio</c>), e.g. a product strength of 1 mg per 1 mL.</summary>
public sealed record Ratio
{
    public Quantity? Numerator { get; init; }

    public Quantity? Denominator { get; init; }
}
