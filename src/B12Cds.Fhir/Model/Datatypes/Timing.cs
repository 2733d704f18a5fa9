namespace B12Cds.Fhir.Model;

/// <summary>When something happens, as events and/or a repeating pattern (FHIR <c>Timing</c>).</summary>
public sealed record Timing
{
    public IReadOnlyList<FhirDateTime> Event { get; init => field = FhirList.Clean(value); } = [];

    public TimingRepeat? Repeat { get; init; }

    public CodeableConcept? Code { get; init; }
}
