namespace B12Cds.Fhir.Model;

/// <summary>One action of a PlanDefinition, possibly with sub-actions (FHIR <c>PlanDefinition.action</c>; timing, inputs and dynamic values are not modelled).</summary>
public sealed record PlanDefinitionAction
{
    /// <summary>Gets the element id (pattern <c>[A-Za-z0-9\-\.]{1,64}</c>); B12 CDS uses the rule id.</summary>
    public string? Id { get; init; }

    public string? Prefix { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? TextEquivalent { get; init; }

    /// <summary>Gets the priority: routine, urgent, asap or stat.</summary>
    public string? Priority { get; init; }

    public IReadOnlyList<CodeableConcept> Code { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<CodeableConcept> Reason { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RelatedArtifact> Documentation { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> GoalId { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<PlanDefinitionActionCondition> Condition { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Type { get; init; }

    /// <summary>Gets the grouping behavior: visual-group, logical-group or sentence-group.</summary>
    public string? GroupingBehavior { get; init; }

    /// <summary>Gets the selection behavior: any, all, all-or-none, exactly-one, at-most-one or one-or-more.</summary>
    public string? SelectionBehavior { get; init; }

    public string? DefinitionCanonical { get; init; }

    public IReadOnlyList<PlanDefinitionAction> Action { get; init => field = FhirList.Clean(value); } = [];
}
