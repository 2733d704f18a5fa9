using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Model;

/// <summary>
/// A diagnosis, problem, symptom or other finding, from a Condition or a non-laboratory Observation (neurological
/// symptoms, diet, pregnancy, nitrous-oxide use). Rules ask for it by value set, whatever resource it came from.
/// </summary>
public sealed record Finding : Fact
{
    /// <inheritdoc/>
    public override string FactType => "finding";

    /// <summary>Gets the resource type it came from: Condition or Observation.</summary>
    public string Origin => Source.ResourceType;

    /// <summary>Gets whether the finding holds now (Active) or is history (Inactive: resolved, in remission, abated).</summary>
    public required FactStatus Status { get; init; }

    /// <summary>Gets the verification status of a Condition: confirmed, provisional, differential or unconfirmed.</summary>
    public string? Verification { get; init; }

    /// <summary>Gets the coding that matched, if it matched by code.</summary>
    public Coding? Code { get; init; }

    /// <summary>Gets the onset (Condition) or effective time (Observation).</summary>
    public FhirDateTime? Onset { get; init; }

    /// <summary>Gets when the finding ended, if it has.</summary>
    public FhirDateTime? Abatement { get; init; }

    /// <summary>Gets when the finding was recorded.</summary>
    public FhirDateTime? Recorded { get; init; }
}
