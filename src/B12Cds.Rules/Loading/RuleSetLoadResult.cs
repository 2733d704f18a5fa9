using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Loading;

/// <summary>The outcome of loading a rules folder: the rule set when there is no error, and every problem found.</summary>
/// <param name="RuleSet">The rule set, or null when any error was found (a rule set with errors is never activated).</param>
/// <param name="Diagnostics">Every error and warning, with file, line and column, in file order.</param>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<FileDiagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the rule set loaded.</summary>
    public bool Succeeded => RuleSet is not null;

    /// <summary>Gets the errors only.</summary>
    public IEnumerable<FileDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
