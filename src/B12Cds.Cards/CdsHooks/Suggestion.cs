namespace B12Cds.Cards.CdsHooks;

/// <summary>A suggestion on a card (CDS Hooks <c>Suggestion</c>): a label and the actions (AND'ed) it would take.</summary>
public sealed record Suggestion
{
    public required string Label { get; init; }

    public string? Uuid { get; init; }

    /// <summary>Gets true for the recommended suggestion (at most one per card); null otherwise.</summary>
    public bool? IsRecommended { get; init; }

    public IReadOnlyList<CdsAction> Actions { get; init => field = value ?? []; } = [];
}
