namespace B12Cds.Fhir.Model;

/// <summary>The request an entry stands for in a transaction or batch (FHIR <c>Bundle.entry.request</c>).</summary>
public sealed record BundleEntryRequest
{
    public string? Method { get; init; }

    public string? Url { get; init; }

    public string? IfNoneMatch { get; init; }

    public string? IfModifiedSince { get; init; }

    public string? IfMatch { get; init; }

    public string? IfNoneExist { get; init; }
}
