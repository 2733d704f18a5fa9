namespace B12Cds.Fhir.Model;

/// <summary>A low and high bound (FHIR <c>Range</c>).</summary>
public sealed record Range
{
    public Quantity? Low { get; init; }

    public Quantity? High { get; init; }
}
