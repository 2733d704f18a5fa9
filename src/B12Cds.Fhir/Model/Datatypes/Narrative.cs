namespace B12Cds.Fhir.Model;

/// <summary>Human-readable XHTML summary of a resource (FHIR <c>Narrative</c>).</summary>
public sealed record Narrative
{
    /// <summary>Gets the status: generated, extensions, additional or empty.</summary>
    public string? Status { get; init; }

    public string? Div { get; init; }
}
