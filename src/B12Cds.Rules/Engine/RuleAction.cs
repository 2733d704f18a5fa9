using B12Cds.Rules.Model;

namespace B12Cds.Rules.Engine;

/// <summary>A compiled action of a rule (one item of <c>then:</c>).</summary>
internal abstract record RuleAction;

/// <summary>Derives a fact of <see cref="TypeName"/> with fields computed from the match.</summary>
internal sealed record DeriveAction(string TypeName, IReadOnlyList<(string Name, Evaluator Value)> Fields) : RuleAction;

/// <summary>Emits a card, its texts rendered from templates over the match.</summary>
internal sealed record CardAction(
    string Indicator,
    Template Summary,
    Template? Detail,
    string Area,
    IReadOnlyList<CardLink> Links,
    IReadOnlyList<SuggestionTemplate> Suggestions,
    string? Group) : RuleAction;

/// <summary>Adds a regimen's activities (and its follow-up tests) to the CarePlan.</summary>
internal sealed record CarePlanAction(string RegimenId) : RuleAction;
