namespace B12Cds.Cards.CdsHooks;

/// <summary>A rule named in an output: its catalogue id and the version it ran at.</summary>
/// <param name="Id">The rule id, e.g. <c>DX-04</c>.</param>
/// <param name="Version">The version of the rule set it ran in.</param>
public sealed record RuleReference(string Id, string Version);
