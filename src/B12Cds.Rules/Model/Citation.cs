namespace B12Cds.Rules.Model;

/// <summary>The source a rule rests on, e.g. NICE NG239 (KNOWLEDGE.md source S1c).</summary>
/// <param name="Source">The source id from the clinical knowledge base (S1, S4…) or a short name.</param>
/// <param name="Text">What the source says that the rule applies, or its title.</param>
/// <param name="Url">A link to the source.</param>
public sealed record Citation(string Source, string? Text, string? Url);
