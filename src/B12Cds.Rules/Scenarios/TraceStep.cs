namespace B12Cds.Rules.Scenarios;

/// <summary>One firing in a scenario's explanation trace: its order, the rule, and the facts it fired on.</summary>
/// <param name="Sequence">1 for the first firing, and so on.</param>
/// <param name="RuleId">The rule id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Matched">The facts matched, with where they came from.</param>
public sealed record TraceStep(int Sequence, string RuleId, string Title, IReadOnlyList<TraceFact> Matched);
