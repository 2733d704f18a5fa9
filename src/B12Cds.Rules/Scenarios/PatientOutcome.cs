using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Rules.Scenarios;

/// <summary>What a simulation found for one patient: what fired, the cards and CarePlan, problems, and (with a baseline) the cards gained and lost.</summary>
public sealed record PatientOutcome
{
    /// <summary>Gets the patient's position in the input (0-based).</summary>
    public required long Index { get; init; }

    /// <summary>Gets the patient's name in reports.</summary>
    public required string Patient { get; init; }

    /// <summary>Gets a value indicating whether the data could be read and evaluated.</summary>
    public bool Evaluated { get; init; }

    /// <summary>Gets the errors found in the input (unreadable JSON, resources skipped for errors).</summary>
    public IReadOnlyList<FhirIssue> InputErrors { get; init => field = value ?? []; } = [];

    /// <summary>Gets how many times each rule fired.</summary>
    public IReadOnlyDictionary<string, int> Firings { get; init => field = value ?? new Dictionary<string, int>(); } = new Dictionary<string, int>();

    /// <summary>Gets the cards, by rule and indicator (one entry per card).</summary>
    public IReadOnlyList<CardKey> Cards { get; init => field = value ?? []; } = [];

    /// <summary>Gets the regimen ids on the CarePlan.</summary>
    public IReadOnlyList<string> CarePlan { get; init => field = value ?? []; } = [];

    /// <summary>Gets the rule errors and runaway evaluations.</summary>
    public IReadOnlyList<string> EvaluationErrors { get; init => field = value ?? []; } = [];

    /// <summary>Gets how many times each rule fired with the baseline rule set, when comparing.</summary>
    public IReadOnlyDictionary<string, int>? BaselineFirings { get; init; }

    /// <summary>Gets the cards the patient has with the rule set but not with the baseline.</summary>
    public IReadOnlyList<CardKey> Gained { get; init => field = value ?? []; } = [];

    /// <summary>Gets the cards the patient has with the baseline but not with the rule set.</summary>
    public IReadOnlyList<CardKey> Lost { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether the comparison changed the patient's cards.</summary>
    public bool Changed => Gained.Count > 0 || Lost.Count > 0;
}
