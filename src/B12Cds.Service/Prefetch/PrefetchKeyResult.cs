using B12Cds.Fhir.Model;

namespace B12Cds.Service.Prefetch;

/// <summary>The result for one prefetch key.</summary>
/// <param name="Key">The prefetch key.</param>
/// <param name="Area">The kind of data.</param>
/// <param name="State">What became of it.</param>
/// <param name="Entries">The usable entries (searchset Bundles flattened, each with its fullUrl); empty unless <see cref="HasData"/>.</param>
/// <param name="Problem">
/// A short reason a clinician or integrator can read (why the key has no usable data, or what was dropped from it);
/// null when all went well. Never holds the access token or resource content.
/// </param>
public sealed record PrefetchKeyResult(string Key, PrefetchArea Area, PrefetchKeyState State, IReadOnlyList<BundleEntry> Entries, string? Problem)
{
    /// <summary>Gets the resources of <see cref="Entries"/>.</summary>
    public IReadOnlyList<Resource> Resources => [.. Entries.Select(e => e.Resource).OfType<Resource>()];

    /// <summary>Gets a value indicating whether the key's template is required (<see cref="PrefetchTemplate.Required"/>).</summary>
    public bool Required { get; init; }

    /// <summary>Gets a value indicating whether the key's data can be evaluated (provided, fetched, or known to be empty).</summary>
    public bool HasData => State is PrefetchKeyState.Provided or PrefetchKeyState.Fetched or PrefetchKeyState.NoData;
}
