namespace B12Cds.Cards.CdsHooks;

/// <summary>A CDS Hooks 2.0 service response: the cards to show and the actions the client may apply itself. <c>cards</c> is always written (<c>[]</c> for no guidance).</summary>
public sealed record CdsResponse
{
    /// <summary>Gets the response with no guidance: <c>{"cards": []}</c>.</summary>
    public static CdsResponse Empty { get; } = new();

    public IReadOnlyList<Card> Cards { get; init => field = value ?? []; } = [];

    public IReadOnlyList<CdsAction> SystemActions { get; init => field = value ?? []; } = [];
}
