using B12Cds.Facts.Terminology;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Hosting;

/// <summary>A change to the rules folder did not load: the rule set that was active stays active.</summary>
public sealed class RuleSetRejectedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="RuleSetRejectedEventArgs"/> class.</summary>
    public RuleSetRejectedEventArgs(RuleSet? active, IReadOnlyList<FileDiagnostic> diagnostics, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Active = active;
        Diagnostics = diagnostics;
        Exception = exception;
    }

    /// <summary>Gets the rule set that stays active (the same instance as before), or null when none has loaded yet.</summary>
    public RuleSet? Active { get; }

    /// <summary>Gets every error and warning of the failed load, with file, line and column.</summary>
    public IReadOnlyList<FileDiagnostic> Diagnostics { get; }

    /// <summary>Gets the errors only.</summary>
    public IEnumerable<FileDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>Gets the exception when the folder could not be read at all (a file locked or half-written mid-save); it is retried on the next change.</summary>
    public Exception? Exception { get; }
}
