namespace B12Cds.Fhir.Model;

/// <summary>A start and end in time, either of which may be open (FHIR <c>Period</c>).</summary>
public sealed record Period
{
    public FhirDateTime? Start { get; init; }

    public FhirDateTime? End { get; init; }
}
