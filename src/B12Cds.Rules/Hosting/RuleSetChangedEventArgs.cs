using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Hosting;

/// <summary>A new rule set was loaded without errors and is now active.</summary>
public sealed class RuleSetChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="RuleSetChangedEventArgs"/> class.</summary>
    public RuleSetChangedEventArgs(RuleSet? previous, RuleSet current, IReadOnlyList<FileDiagnostic> diagnostics, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Previous = previous;
        Current = current;
        Diagnostics = diagnostics;
        LoadedAt = loadedAt;
    }

    /// <summary>Gets the rule set that was active before, or null when none was (the first load had failed). Evaluations that took it finish on it.</summary>
    public RuleSet? Previous { get; }

    /// <summary>Gets the rule set now active.</summary>
    public RuleSet Current { get; }

    /// <summary>Gets the warnings of the load (there are no errors: a rule set with errors is never activated).</summary>
    public IReadOnlyList<FileDiagnostic> Diagnostics { get; }

    /// <summary>Gets when the new rule set became active, by the provider's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset LoadedAt { get; }
}
