namespace B12Cds.Fhir.Model;

/// <summary>How a medication is or should be taken (FHIR <c>Dosage</c>); a loading-then-maintenance regimen is several, ordered by <see cref="Sequence"/>.</summary>
public sealed record Dosage
{
    public int? Sequence { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<CodeableConcept> AdditionalInstruction { get; init => field = FhirList.Clean(value); } = [];

    public string? PatientInstruction { get; init; }

    public Timing? Timing { get; init; }

    public bool? AsNeededBoolean { get; init; }

    public CodeableConcept? AsNeededCodeableConcept { get; init; }

    public CodeableConcept? Site { get; init; }

    public CodeableConcept? Route { get; init; }

    public CodeableConcept? Method { get; init; }

    public IReadOnlyList<DosageDoseAndRate> DoseAndRate { get; init => field = FhirList.Clean(value); } = [];

    public Ratio? MaxDosePerPeriod { get; init; }

    public Quantity? MaxDosePerAdministration { get; init; }

    public Quantity? MaxDosePerLifetime { get; init; }
}
