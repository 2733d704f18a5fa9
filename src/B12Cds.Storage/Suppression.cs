namespace B12Cds.Storage;

/// <summary>A card not to show one patient until a time (a snooze chosen as an override reason).</summary>
/// <param name="PatientId">The patient's FHIR id.</param>
/// <param name="CardKey">The card key suppressed (the emitting rule id).</param>
/// <param name="Until">The end of the suppression (exclusive).</param>
/// <param name="Reason">Why: the snooze code, for example.</param>
/// <param name="CardUuid">The card whose feedback caused the suppression, when there was one.</param>
public sealed record Suppression(string PatientId, string CardKey, DateTimeOffset Until, string Reason, string? CardUuid);
