namespace B12Cds.Fhir.Model;

/// <summary>One entry of a Bundle (FHIR <c>Bundle.entry</c>).</summary>
public sealed record BundleEntry
{
    public IReadOnlyList<BundleLink> Link { get; init => field = FhirList.Clean(value); } = [];

    /// <summary>Gets the entry's URI; references to it (<c>urn:uuid:…</c> or absolute) resolve here.</summary>
    public string? FullUrl { get; init; }

    public Resource? Resource { get; init; }

    public BundleEntrySearch? Search { get; init; }

    public BundleEntryRequest? Request { get; init; }

    public BundleEntryResponse? Response { get; init; }
}
