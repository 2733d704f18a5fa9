namespace B12Cds.Fhir.Model;

/// <summary>What to dispense and for how long (FHIR <c>MedicationRequest.dispenseRequest</c>).</summary>
public sealed record MedicationRequestDispenseRequest
{
    public Period? ValidityPeriod { get; init; }

    public int? NumberOfRepeatsAllowed { get; init; }

    public Quantity? Quantity { get; init; }

    public Quantity? ExpectedSupplyDuration { get; init; }
}
