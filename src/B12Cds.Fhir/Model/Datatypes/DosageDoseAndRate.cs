namespace B12Cds.Fhir.Model;

/// <summary>An amount of medication per dose, and a rate (FHIR <c>Dosage.doseAndRate</c>).</summary>
public sealed record DosageDoseAndRate
{
    public CodeableConcept? Type { get; init; }

    public Range? DoseRange { get; init; }

    public Quantity? DoseQuantity { get; init; }

    public Ratio? RateRatio { get; init; }

    public Range? RateRange { get; init; }

    public Quantity? RateQuantity { get; init; }
}
