namespace B12Cds.Fhir.Model;

/// <summary>Why an entry is in a searchset (FHIR <c>Bundle.entry.search</c>).</summary>
public sealed record BundleEntrySearch
{
    /// <summary>Gets the mode: match, include or outcome.</summary>
    public string? Mode { get; init; }

    public decimal? Score { get; init; }
}
