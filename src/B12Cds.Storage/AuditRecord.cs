namespace B12Cds.Storage;

/// <summary>The audit trail entry of one evaluation: ids, versions and outcome, never clinical values.</summary>
public sealed record AuditRecord
{
    /// <summary>Gets the entry's id (unique).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets when the evaluation started.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the CDS service id, or <c>PlanDefinition/$apply</c>.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Gets the hook, when the call was a CDS Hooks invocation.</summary>
    public string? Hook { get; init; }

    /// <summary>Gets the invocation's <c>hookInstance</c>.</summary>
    public string? HookInstance { get; init; }

    /// <summary>Gets the patient's FHIR id, when known.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the version of the rule set that was evaluated.</summary>
    public string? RuleSetVersion { get; init; }

    /// <summary>Gets the ids of the rules that fired.</summary>
    public IReadOnlyList<string> RulesFired { get; init; } = [];

    /// <summary>Gets the uuids of the cards returned.</summary>
    public IReadOnlyList<string> CardUuids { get; init; } = [];

    /// <summary>
    /// Gets the cards the evaluation showed, recorded with the audit entry in the same transaction, so feedback can
    /// find its card and the repeat window can see it (a card already recorded under its uuid is kept as first shown).
    /// </summary>
    public IReadOnlyList<ShownCard> ShownCards { get; init; } = [];

    /// <summary>Gets the outcome, for example <c>cards</c>, <c>no-cards</c>, <c>partial</c>, <c>precondition-failed</c>, <c>error</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Gets how long the evaluation took (stored to the microsecond).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Gets a short reason: ids only, never PHI beyond ids.</summary>
    public string? Detail { get; init; }
}
