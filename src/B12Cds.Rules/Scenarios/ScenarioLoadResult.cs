using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Scenarios;

/// <summary>The scenarios read from one or more scenario files, and every problem found, with file, line and column.</summary>
/// <param name="Scenarios">The scenarios that were read without error, in file and then file order.</param>
/// <param name="Diagnostics">Every error and warning.</param>
/// <param name="Files">The scenario files read.</param>
/// <param name="Rejected">How many scenarios (or whole files that could not be read) were left out because of errors.</param>
public sealed record ScenarioLoadResult(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<FileDiagnostic> Diagnostics, IReadOnlyList<string> Files, int Rejected)
{
    /// <summary>Gets a value indicating whether any error was found.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
