namespace B12Cds.Rules.Scenarios;

/// <summary>One expectation a scenario run did not meet: what was expected, and what happened instead.</summary>
/// <param name="Expected">What the scenario expected, in words (<c>DX-04 fires</c>).</param>
/// <param name="Actual">What happened (<c>DX-04 did not fire</c>).</param>
public sealed record ScenarioFailure(string Expected, string Actual);
