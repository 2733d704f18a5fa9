namespace B12Cds.Fhir.Model;

/// <summary>A link from a Bundle (FHIR <c>Bundle.link</c>).</summary>
public sealed record BundleLink
{
    public string? Relation { get; init; }

    public string? Url { get; init; }
}
