namespace B12Cds.Rules.Scenarios;

/// <summary>Everything a simulation found: per patient, and summed over the population.</summary>
public sealed record SimulationResult
{
    /// <summary>Gets the options the simulation ran with.</summary>
    public required SimulationOptions Options { get; init; }

    /// <summary>Gets the rule set's version.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>Gets the baseline rule set's version, when comparing.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>Gets every patient's outcome, in input order.</summary>
    public required IReadOnlyList<PatientOutcome> Patients { get; init; }

    /// <summary>Gets the wall-clock time the evaluations took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Gets the processor time the process used during the run (all threads): with <see cref="Elapsed"/>, it shows whether other work shared the cores.</summary>
    public TimeSpan CpuTime { get; init; }

    /// <summary>Gets the patients evaluated per second of processor time: the throughput one otherwise idle core gives.</summary>
    public double PatientsPerCpuSecond => CpuTime > TimeSpan.Zero ? Patients.Count / CpuTime.TotalSeconds : 0;

    /// <summary>Gets per-rule fire counts, every rule that could run (and every rule that fired) included.</summary>
    public required IReadOnlyList<RuleStatistics> Rules { get; init; }

    /// <summary>Gets the cards by indicator: critical, warning, info.</summary>
    public required IReadOnlyList<IndicatorStatistics> Indicators { get; init; }

    /// <summary>Gets how many patients have each regimen on their CarePlan.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> CarePlan { get; init; }

    /// <summary>Gets the card changes by rule and indicator, when comparing.</summary>
    public IReadOnlyList<CardChange> Changes { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether a baseline rule set was compared.</summary>
    public bool Compared => BaselineVersion is not null;

    /// <summary>Gets how many patients were evaluated (their data could be read).</summary>
    public long Evaluated => Patients.LongCount(p => p.Evaluated);

    /// <summary>Gets the patients evaluated per second.</summary>
    public double PatientsPerSecond => Elapsed > TimeSpan.Zero ? Patients.Count / Elapsed.TotalSeconds : 0;
}
