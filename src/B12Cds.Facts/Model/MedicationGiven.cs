using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>One administration actually given (MedicationAdministration), e.g. one B12 injection.</summary>
public sealed record MedicationGiven : Fact
{
    /// <inheritdoc/>
    public override string FactType => "administration";

    /// <summary>Gets when it was given.</summary>
    public required FhirDateTime Effective { get; init; }

    /// <summary>Gets the FHIR status: completed or in-progress (stopped counts as given in part).</summary>
    public string? FhirStatus { get; init; }

    /// <summary>Gets the route's value set id, e.g. <c>route-intramuscular</c>.</summary>
    public string? Route { get; init; }

    /// <summary>Gets the dose given; a mass is normalised to micrograms (<c>ug</c>).</summary>
    public Measurement? Dose { get; init; }
}
