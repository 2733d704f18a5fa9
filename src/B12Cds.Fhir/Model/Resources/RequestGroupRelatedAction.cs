namespace B12Cds.Fhir.Model;

/// <summary>An ordering relation between actions, e.g. maintenance after-end of loading (FHIR <c>RequestGroup.action.relatedAction</c>).</summary>
public sealed record RequestGroupRelatedAction
{
    public string? ActionId { get; init; }

    /// <summary>Gets the relationship, e.g. before-start, after-end, concurrent.</summary>
    public string? Relationship { get; init; }

    public Quantity? OffsetDuration { get; init; }

    public Range? OffsetRange { get; init; }
}
