using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>The patient the evaluation is about: age at the evaluation time, sex, birth date.</summary>
public sealed record PatientFact : Fact
{
    /// <inheritdoc/>
    public override string FactType => "patient";

    /// <summary>Gets the Patient resource id.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the birth date as recorded (may be a year or month only).</summary>
    public FhirDateTime? BirthDate { get; init; }

    /// <summary>Gets the age in whole years at the evaluation time; for a partial birth date, the lowest age it allows.</summary>
    public int? AgeYears { get; init; }

    /// <summary>Gets the administrative gender: male, female, other or unknown.</summary>
    public string? Sex { get; init; }

    /// <summary>Gets a value indicating whether the patient is recorded as deceased.</summary>
    public bool Deceased { get; init; }
}
