namespace B12Cds.Fhir.Model;

/// <summary>One named parameter: a value, a resource or parts (FHIR <c>Parameters.parameter</c>).</summary>
public sealed record ParametersParameter
{
    public string? Name { get; init; }

    public string? ValueString { get; init; }

    public string? ValueCode { get; init; }

    public string? ValueUri { get; init; }

    public string? ValueCanonical { get; init; }

    public string? ValueId { get; init; }

    public bool? ValueBoolean { get; init; }

    public int? ValueInteger { get; init; }

    public FhirDecimal? ValueDecimal { get; init; }

    public FhirDateTime? ValueDate { get; init; }

    public FhirDateTime? ValueDateTime { get; init; }

    public Coding? ValueCoding { get; init; }

    public CodeableConcept? ValueCodeableConcept { get; init; }

    public Quantity? ValueQuantity { get; init; }

    public Reference? ValueReference { get; init; }

    public Period? ValuePeriod { get; init; }

    public Resource? Resource { get; init; }

    public IReadOnlyList<ParametersParameter> Part { get; init => field = FhirList.Clean(value); } = [];
}
