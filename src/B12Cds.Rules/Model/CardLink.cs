namespace B12Cds.Rules.Model;

/// <summary>A link on a card (CDS Hooks <c>Link</c>): a guideline page, or a SMART app.</summary>
/// <param name="Label">The link text.</param>
/// <param name="Url">The address.</param>
/// <param name="Type">absolute or smart.</param>
public sealed record CardLink(string Label, string Url, string Type = "absolute");
