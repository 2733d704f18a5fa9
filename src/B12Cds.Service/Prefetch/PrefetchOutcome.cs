using B12Cds.Fhir.Model;

namespace B12Cds.Service.Prefetch;

/// <summary>The prefetch of one hook call, key by key, with the usable resources gathered.</summary>
/// <param name="Keys">One result per template, in template order.</param>
public sealed record PrefetchOutcome(IReadOnlyList<PrefetchKeyResult> Keys)
{
    /// <summary>
    /// Gets every usable entry of every key, searchset Bundles flattened to their entries: each keeps its
    /// <c>fullUrl</c>, so references between resources (<c>urn:uuid:</c> or absolute) still resolve.
    /// </summary>
    public IReadOnlyList<BundleEntry> Entries => [.. Keys.Where(k => k.HasData).SelectMany(k => k.Entries)];

    /// <summary>Gets every usable resource of every key (the resources of <see cref="Entries"/>).</summary>
    public IReadOnlyList<Resource> Resources => [.. Entries.Select(e => e.Resource).OfType<Resource>()];

    /// <summary>
    /// Gets the keys without usable data (OperationOutcome, Invalid, Failed, TimedOut, Unavailable): the endpoint
    /// says so on a card, since advice that depends on them cannot be given.
    /// </summary>
    public IReadOnlyList<PrefetchKeyResult> Missing => [.. Keys.Where(k => !k.HasData)];

    /// <summary>
    /// Gets a value indicating whether a required key could not be had because it was not prefetched and there was no
    /// FHIR server to ask (or a token it needs had no value): CDS Hooks 2.0 says the service SHALL answer
    /// <c>412 Precondition Failed</c>. Failures of a FHIR server that was asked are not preconditions: they are
    /// reported in <see cref="Missing"/>, and the EHR gets the cards that can be trusted.
    /// </summary>
    public bool PreconditionFailed => Keys.Any(k => k.State == PrefetchKeyState.Unavailable && k.Required);
}
