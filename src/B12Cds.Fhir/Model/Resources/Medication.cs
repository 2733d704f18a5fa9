namespace B12Cds.Fhir.Model;

/// <summary>A medicinal product, referenced from a request, statement or administration (FHIR <c>Medication</c>).</summary>
public sealed record Medication : DomainResource
{
    /// <inheritdoc/>
    protected override string TypeName => "Medication";

    public IReadOnlyList<Identifier> Identifier { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Code { get; init; }

    public string? Status { get; init; }

    public Reference? Manufacturer { get; init; }

    public CodeableConcept? Form { get; init; }

    public Ratio? Amount { get; init; }

    public IReadOnlyList<MedicationIngredient> Ingredient { get; init => field = FhirList.Clean(value); } = [];
}
