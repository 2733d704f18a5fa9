namespace B12Cds.Rules.Scenarios;

/// <summary>How a simulation evaluates every patient: the time, the profile, drafts, and how many patients at once.</summary>
public sealed record SimulationOptions
{
    /// <summary>Gets the evaluation time for every patient.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the regimen profile: us or uk.</summary>
    public string Profile { get; init; } = "us";

    /// <summary>Gets a value indicating whether draft rules run too (the point of a dry run before release).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Gets how many patients are evaluated at once; by default one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
