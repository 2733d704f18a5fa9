namespace B12Cds.Rules.Scenarios;

/// <summary>What a scenario expects (<c>expect:</c>). Anything it does not mention is not checked.</summary>
public sealed record ScenarioExpectation
{
    /// <summary>Gets the rules that must fire (at least once).</summary>
    public IReadOnlyList<string> Fired { get; init => field = value ?? []; } = [];

    /// <summary>Gets the rules that must not fire.</summary>
    public IReadOnlyList<string> NotFired { get; init => field = value ?? []; } = [];

    /// <summary>Gets the cards that must be emitted.</summary>
    public IReadOnlyList<ExpectedCard> Cards { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether no card at all may be emitted.</summary>
    public bool NoCards { get; init; }

    /// <summary>Gets the facts the rules must derive.</summary>
    public IReadOnlyList<ExpectedFact> Facts { get; init => field = value ?? []; } = [];

    /// <summary>Gets the regimen ids that must be on the CarePlan.</summary>
    public IReadOnlyList<string> CarePlan { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether the CarePlan must stay empty.</summary>
    public bool NoCarePlan { get; init; }
}
