using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Scenarios;

/// <summary>The outcome of running one scenario: passed or not, every unmet expectation, what happened, and the trace.</summary>
public sealed record ScenarioResult
{
    /// <summary>Gets the scenario run.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Gets a value indicating whether every expectation was met.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Gets each unmet expectation: what was expected and what happened.</summary>
    public IReadOnlyList<ScenarioFailure> Failures { get; init => field = value ?? []; } = [];

    /// <summary>Gets the firings in order, with the facts each matched and their sources: the explanation.</summary>
    public IReadOnlyList<TraceStep> Trace { get; init => field = value ?? []; } = [];

    /// <summary>Gets the ids of the rules that fired, in the order they first fired.</summary>
    public IReadOnlyList<string> FiredRules { get; init => field = value ?? []; } = [];

    /// <summary>Gets the cards produced.</summary>
    public IReadOnlyList<ActualCard> Cards { get; init => field = value ?? []; } = [];

    /// <summary>Gets the regimen ids put on the CarePlan.</summary>
    public IReadOnlyList<string> CarePlan { get; init => field = value ?? []; } = [];

    /// <summary>Gets the warnings and errors found reading the data (skipped resources, unknown units…).</summary>
    public IReadOnlyList<FhirIssue> InputIssues { get; init => field = value ?? []; } = [];

    /// <summary>Gets the engine's result, when the evaluation finished.</summary>
    public EvaluationResult? Evaluation { get; init; }
}
