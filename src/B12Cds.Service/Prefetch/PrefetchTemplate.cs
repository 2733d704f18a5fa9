namespace B12Cds.Service.Prefetch;

/// <summary>One CDS Hooks prefetch template: its key, the data it brings, the FHIR query with <c>{{tokens}}</c>, and whether the service can answer without it.</summary>
/// <param name="Key">The prefetch key, e.g. <c>labs</c>.</param>
/// <param name="Area">The kind of data it brings.</param>
/// <param name="Query">The FHIR read or search relative to the FHIR base, e.g. <c>Observation?patient={{context.patientId}}&amp;code=...</c>.</param>
/// <param name="Required">
/// True when advice without this data could be wrong rather than merely incomplete: the key must be prefetched or
/// fetchable, else the call is answered <c>412 Precondition Failed</c>.
/// </param>
public sealed record PrefetchTemplate(string Key, PrefetchArea Area, string Query, bool Required);
