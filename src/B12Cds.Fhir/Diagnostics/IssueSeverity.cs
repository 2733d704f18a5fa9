namespace B12Cds.Fhir.Diagnostics;

/// <summary>How bad an issue is, in the terms of FHIR <c>OperationOutcome.issue.severity</c>.</summary>
public enum IssueSeverity
{
    /// <summary>Worth knowing; nothing was lost.</summary>
    Information,

    /// <summary>Something was skipped or could not be interpreted; the rest was read.</summary>
    Warning,

    /// <summary>Something could not be read at all.</summary>
    Error,

    /// <summary>Nothing could be read.</summary>
    Fatal,
}
