namespace B12Cds.Fhir.Model;

/// <summary>How a medication was given (FHIR <c>MedicationAdministration.dosage</c>).</summary>
public sealed record MedicationAdministrationDosage
{
    public string? Text { get; init; }

    public CodeableConcept? Site { get; init; }

    public CodeableConcept? Route { get; init; }

    public CodeableConcept? Method { get; init; }

    public Quantity? Dose { get; init; }

    public Ratio? RateRatio { get; init; }

    public Quantity? RateQuantity { get; init; }
}
