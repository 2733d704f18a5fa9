namespace B12Cds.Fhir.Model;

/// <summary>An inline planned activity (FHIR <c>CarePlan.activity.detail</c>).</summary>
public sealed record CarePlanActivityDetail
{
    /// <summary>Gets the kind of request it stands for, e.g. MedicationRequest or ServiceRequest.</summary>
    public string? Kind { get; init; }

    public IReadOnlyList<string> InstantiatesCanonical { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Code { get; init; }

    public IReadOnlyList<CodeableConcept> ReasonCode { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> ReasonReference { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<Reference> Goal { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the status: not-started, scheduled, in-progress, on-hold, completed, cancelled, stopped, unknown or entered-in-error.</summary>
    public string? Status { get; init; }

    public CodeableConcept? StatusReason { get; init; }

    public bool? DoNotPerform { get; init; }

    public Timing? ScheduledTiming { get; init; }

    public Period? ScheduledPeriod { get; init; }

    public string? ScheduledString { get; init; }

    public Reference? Location { get; init; }

    public IReadOnlyList<Reference> Performer { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? ProductCodeableConcept { get; init; }

    public Reference? ProductReference { get; init; }

    public Quantity? DailyAmount { get; init; }

    public Quantity? Quantity { get; init; }

    public string? Description { get; init; }
}
