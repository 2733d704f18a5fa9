namespace B12Cds.Fhir.Model;

/// <summary>One proposed action of a RequestGroup, possibly with sub-actions (FHIR <c>RequestGroup.action</c>).</summary>
public sealed record RequestGroupAction
{
    /// <summary>Gets the action's element id, which <c>relatedAction.actionId</c> of another action points at.</summary>
    public string? Id { get; init; }

    public string? Prefix { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? TextEquivalent { get; init; }

    public string? Priority { get; init; }

    public IReadOnlyList<CodeableConcept> Code { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RelatedArtifact> Documentation { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RequestGroupActionCondition> Condition { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<RequestGroupRelatedAction> RelatedAction { get; init => field = FhirList.Clean(value); } = [];

    public FhirDateTime? TimingDateTime { get; init; }

    public Period? TimingPeriod { get; init; }

    public Quantity? TimingDuration { get; init; }

    public Timing? TimingTiming { get; init; }

    public IReadOnlyList<Reference> Participant { get; init => field = FhirList.Clean(value); } = [];

    public CodeableConcept? Type { get; init; }

    public string? GroupingBehavior { get; init; }

    public string? SelectionBehavior { get; init; }

    public string? RequiredBehavior { get; init; }

    public string? PrecheckBehavior { get; init; }

    public string? CardinalityBehavior { get; init; }

    public Reference? Resource { get; init; }

    public IReadOnlyList<RequestGroupAction> Action { get; init => field = FhirList.Clean(value); } = [];
}
