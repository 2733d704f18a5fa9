namespace B12Cds.Fhir.Json;

/// <summary>Settings for <see cref="FhirJsonParser"/>.</summary>
public sealed record FhirParserOptions
{
    /// <summary>Gets the default options.</summary>
    public static FhirParserOptions Default { get; } = new();

    /// <summary>Gets the largest input read, in bytes; larger input is refused unread.</summary>
    /// <value>The default is 16 MiB: a patient bundle of several years of labs and medications is well under 2 MiB.</value>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Gets a value indicating whether resources of types B12 CDS does not read are reported (as warnings).</summary>
    /// <value>The default is true.</value>
    public bool ReportUnsupportedResources { get; init; } = true;
}
