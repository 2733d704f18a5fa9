using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>Where a card's guidance comes from (CDS Hooks <c>Source</c>); <see cref="Topic"/> is the rule's clinical area.</summary>
public sealed record CardSource
{
    public required string Label { get; init; }

    public string? Url { get; init; }

    public string? Icon { get; init; }

    /// <summary>Gets the topic: system <see cref="B12CdsUris.Area"/>, code the rule's area.</summary>
    public Coding? Topic { get; init; }
}
