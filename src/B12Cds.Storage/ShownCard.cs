namespace B12Cds.Storage;

/// <summary>A card the service returned to an EHR: what the repeat window and feedback resolution look up.</summary>
/// <param name="CardUuid">The card's <c>uuid</c> as sent (unique per card instance).</param>
/// <param name="CardKey">The stable identity of "the same card" across hooks and invocations (the emitting rule id).</param>
/// <param name="PatientId">The patient's FHIR id.</param>
/// <param name="ServiceId">The CDS service that returned the card.</param>
/// <param name="Hook">The hook that was invoked.</param>
/// <param name="HookInstance">The invocation's <c>hookInstance</c>.</param>
/// <param name="ShownAt">When the card was returned (stored in UTC, to the microsecond).</param>
public sealed record ShownCard(string CardUuid, string CardKey, string PatientId, string ServiceId, string Hook, string HookInstance, DateTimeOffset ShownAt);
