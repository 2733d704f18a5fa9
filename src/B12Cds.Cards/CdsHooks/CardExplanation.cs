using B12Cds.Rules.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>One rule firing in a card's explanation: the rule, why it is listed (<see cref="Role"/>), its sources and the facts it matched.</summary>
public sealed record CardExplanation
{
    /// <summary>The firing that emitted the card.</summary>
    public const string CardRole = "card";

    /// <summary>A firing that derived a fact the card's rule matched.</summary>
    public const string BasisRole = "basis";

    /// <summary>A card of the same group that was not shown: this card was more urgent.</summary>
    public const string SuppressedRole = "suppressed";

    public required string Rule { get; init; }

    public required string Title { get; init; }

    /// <summary>Gets why it is listed: card, basis or suppressed.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the firing's sequence in the evaluation (0 when the firing is not known).</summary>
    public int Sequence { get; init; }

    /// <summary>Gets the indicator of a suppressed card.</summary>
    public string? Indicator { get; init; }

    /// <summary>Gets the summary of a suppressed card.</summary>
    public string? Summary { get; init; }

    /// <summary>Gets the group of a suppressed card.</summary>
    public string? Group { get; init; }

    public IReadOnlyList<Citation> Citations { get; init => field = value ?? []; } = [];

    public IReadOnlyList<ExplainedFact> Facts { get; init => field = value ?? []; } = [];

    /// <summary>Gets the suggestions the rule file gave that were not offered, with the reason.</summary>
    public IReadOnlyList<string> NotOffered { get; init => field = value ?? []; } = [];
}
