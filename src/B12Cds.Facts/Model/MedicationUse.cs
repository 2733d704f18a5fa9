using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>
/// A medication the patient takes, took, or is being ordered (MedicationRequest or MedicationStatement), matched at
/// ingredient or class level through its code, its Medication resource's code and ingredients, or its text.
/// </summary>
public sealed record MedicationUse : Fact
{
    /// <inheritdoc/>
    public override string FactType => "medication";

    /// <summary>Gets the resource type it came from: MedicationRequest or MedicationStatement.</summary>
    public string Origin => Source.ResourceType;

    /// <summary>Gets whether it is current (Active), history (Inactive: completed, stopped) or being ordered (Proposed: draft or proposal).</summary>
    public required FactStatus Status { get; init; }

    /// <summary>Gets the FHIR status as written.</summary>
    public string? FhirStatus { get; init; }

    /// <summary>Gets the request intent (order, plan, proposal…), for a MedicationRequest.</summary>
    public string? Intent { get; init; }

    /// <summary>Gets when it started or was ordered.</summary>
    public FhirDateTime? Start { get; init; }

    /// <summary>Gets when it ended or ends, if known.</summary>
    public FhirDateTime? End { get; init; }

    /// <summary>Gets the dosage phases in sequence order (loading, then maintenance).</summary>
    public IReadOnlyList<DosePhase> Phases { get; init => field = value ?? []; } = [];

    /// <summary>Gets the route of the first phase, e.g. <c>route-oral</c>.</summary>
    public string? Route => Phases.Count > 0 ? Phases[0].Route : null;

    /// <summary>Gets the dose of the first phase.</summary>
    public Measurement? Dose => Phases.Count > 0 ? Phases[0].Dose : null;

    /// <summary>Gets the days between doses in the first phase.</summary>
    public decimal? IntervalDays => Phases.Count > 0 ? Phases[0].IntervalDays : null;

    /// <summary>Gets the average daily dose of the first phase, in micrograms.</summary>
    public decimal? DailyDoseMicrograms => Phases.Count > 0 ? Phases[0].DailyDoseMicrograms : null;

    /// <summary>
    /// Gets the maintenance phase: the last dosage phase (after any loading phases). For a single-phase order it is that
    /// phase; null when the order has no dosage.
    /// </summary>
    public DosePhase? MaintenancePhase => Phases.Count > 0 ? Phases[^1] : null;

    /// <summary>Gets the route of the maintenance (last) phase.</summary>
    public string? MaintenanceRoute => MaintenancePhase?.Route;

    /// <summary>Gets the dose of the maintenance (last) phase.</summary>
    public Measurement? MaintenanceDose => MaintenancePhase?.Dose;

    /// <summary>Gets the days between doses in the maintenance (last) phase.</summary>
    public decimal? MaintenanceIntervalDays => MaintenancePhase?.IntervalDays;

    /// <summary>Gets the product strength (e.g. 1 mg/mL) from a referenced Medication's ingredient, if given.</summary>
    public string? Strength { get; init; }
}
