using System.Text.Json.Serialization;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// The B12 CDS card extension (CDS Hooks <c>extension</c>): the rules behind the card with their version, the
/// rule-set version, and the explanation (each rule's title, citations and the facts it matched, with their FHIR
/// sources), so every card can be traced back to its rules and sources.
/// </summary>
public sealed record CardExtension
{
    /// <summary>Gets the rules behind the card: the rule that emitted it, then the rules that derived the facts it matched.</summary>
    [JsonPropertyName("b12cds.rules")]
    public IReadOnlyList<RuleReference> Rules { get; init => field = value ?? []; } = [];

    [JsonPropertyName("b12cds.ruleSetVersion")]
    public required string RuleSetVersion { get; init; }

    /// <summary>Gets the explanation: the card's firing, the firings behind the facts it matched, and the cards of its group it was shown instead of.</summary>
    [JsonPropertyName("b12cds.explanation")]
    public IReadOnlyList<CardExplanation> Explanation { get; init => field = value ?? []; } = [];
}
