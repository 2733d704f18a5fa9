using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// A CDS Hooks 2.0 card: one piece of guidance, with its urgency, its source, ready-to-sign suggestions, reasons a
/// clinician may give for dismissing it, links, and (in <see cref="Extension"/>) the rules and facts behind it.
/// </summary>
public sealed record Card
{
    /// <summary>Gets the card's uuid: derived from the rule set version, rule, matched facts, patient and hook instance, so the same input gives the same uuid.</summary>
    public string? Uuid { get; init; }

    /// <summary>Gets the one-sentence summary, under 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>Gets the detail, GitHub-flavoured Markdown.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the urgency: info, warning or critical.</summary>
    public required string Indicator { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<Suggestion> Suggestions { get; init => field = value ?? []; } = [];

    /// <summary>Gets how many suggestions may be chosen: <c>at-most-one</c> whenever there are suggestions.</summary>
    public string? SelectionBehavior { get; init; }

    /// <summary>Gets the reasons a clinician may give for dismissing or snoozing the card (codes of <see cref="B12CdsUris.OverrideReason"/>).</summary>
    public IReadOnlyList<Coding> OverrideReasons { get; init => field = value ?? []; } = [];

    public IReadOnlyList<CdsLink> Links { get; init => field = value ?? []; } = [];

    /// <summary>Gets the B12 CDS extension: rule ids and versions, rule-set version, and the explanation.</summary>
    public CardExtension? Extension { get; init; }
}
