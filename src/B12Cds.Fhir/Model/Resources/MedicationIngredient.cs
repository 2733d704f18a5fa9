namespace B12Cds.Fhir.Model;

/// <summary>An ingredient of a product and its strength (FHIR <c>Medication.ingredient</c>).</summary>
public sealed record MedicationIngredient
{
    public CodeableConcept? ItemCodeableConcept { get; init; }

    public Reference? ItemReference { get; init; }

    public bool? IsActive { get; init; }

    public Ratio? Strength { get; init; }
}
