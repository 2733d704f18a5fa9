namespace B12Cds.Fhir.Diagnostics;

/// <summary>
/// One problem found in input: a stable id (<c>FHIR004</c>), a FHIR issue-type code, words a person can act on, and
/// where it is (a FHIRPath-style <see cref="Expression"/>, and a line and column in the input when known).
/// </summary>
/// <param name="Id">The stable B12 CDS issue id, see <see cref="IssueIds"/>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Code">The FHIR issue-type code (http://hl7.org/fhir/issue-type): structure, invalid, value, not-supported, too-long, not-found, informational…</param>
/// <param name="Message">What is wrong and what happened as a result.</param>
/// <param name="Expression">The element concerned, e.g. <c>Bundle.entry[2].resource.effectiveDateTime</c>.</param>
public sealed record FhirIssue(string Id, IssueSeverity Severity, string Code, string Message, string? Expression = null)
{
    /// <summary>Gets the 1-based line in the input, if known.</summary>
    public long? Line { get; init; }

    /// <summary>Gets the 1-based column (in bytes) in the input, if known.</summary>
    public long? Column { get; init; }

    /// <summary>Gets a value indicating whether this is an error or worse.</summary>
    public bool IsError => Severity >= IssueSeverity.Error;

    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Expression is null ? string.Empty : $" at {Expression}";
        var position = Line is null ? string.Empty : $" (line {Line}, column {Column})";
        return $"{Severity.ToString().ToLowerInvariant()} {Id}{where}{position}: {Message}";
    }
}
