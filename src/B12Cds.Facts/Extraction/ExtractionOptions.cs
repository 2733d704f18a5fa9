namespace B12Cds.Facts.Extraction;

/// <summary>Settings for one extraction.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Gets the default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>Gets the id of the patient to evaluate (e.g. CDS Hooks <c>context.patientId</c>); by default the first Patient in the input.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets a value indicating whether resources that match no value set are reported (as information).</summary>
    /// <value>The default is true.</value>
    public bool ReportNotRelevant { get; init; } = true;
}
