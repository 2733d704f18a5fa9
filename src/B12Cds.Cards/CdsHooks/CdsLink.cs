namespace B12Cds.Cards.CdsHooks;

/// <summary>A link on a card (CDS Hooks <c>Link</c>).</summary>
/// <param name="Label">The link text.</param>
/// <param name="Url">The address.</param>
/// <param name="Type">absolute or smart.</param>
public sealed record CdsLink(string Label, string Url, string Type);
