using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Terminology;

/// <summary>One problem found while loading value set files, with a stable id (<c>TERM004</c>) and where it is.</summary>
/// <param name="Id">The stable id, see <see cref="TerminologyDiagnosticIds"/>.</param>
/// <param name="Severity">How bad it is; any <see cref="IssueSeverity.Error"/> stops the catalogue being built.</param>
/// <param name="Location">The file, line and column.</param>
/// <param name="Message">What is wrong, in words an informaticist can act on.</param>
public sealed record FileDiagnostic(string Id, IssueSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>Gets a value indicating whether this is an error or worse.</summary>
    public bool IsError => Severity >= IssueSeverity.Error;

    /// <summary>Formats as <c>file:line:col: error TERM001: message</c>, the form compilers and editors understand.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            IssueSeverity.Information => "info",
            IssueSeverity.Warning => "warning",
            _ => "error",
        };
        return $"{Location}: {severity} {Id}: {Message}";
    }
}
