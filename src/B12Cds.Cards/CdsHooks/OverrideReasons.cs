using B12Cds.Fhir.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>The reasons a clinician may give for dismissing or snoozing a B12 CDS card (CDS Hooks <c>overrideReasons</c>, system <see cref="B12CdsUris.OverrideReason"/>).</summary>
public static class OverrideReasons
{
    /// <summary>The patient is already being treated.</summary>
    public const string AlreadyTreated = "already-treated";

    /// <summary>The patient declined.</summary>
    public const string PatientDeclined = "patient-declined";

    /// <summary>The card does not apply to this patient.</summary>
    public const string NotRelevant = "not-relevant";

    /// <summary>Show the card again in a week.</summary>
    public const string Snooze1Week = "snooze-1-week";

    /// <summary>Show the card again in a month.</summary>
    public const string Snooze1Month = "snooze-1-month";

    /// <summary>Show the card again in three months.</summary>
    public const string Snooze3Months = "snooze-3-months";

    /// <summary>Gets every reason, in the order they are offered.</summary>
    public static IReadOnlyList<Coding> All { get; } =
    [
        Reason(AlreadyTreated, "Already treated or treatment planned"),
        Reason(PatientDeclined, "Patient declined"),
        Reason(NotRelevant, "Not relevant for this patient"),
        Reason(Snooze1Week, "Remind me in 1 week"),
        Reason(Snooze1Month, "Remind me in 1 month"),
        Reason(Snooze3Months, "Remind me in 3 months"),
    ];

    /// <summary>
    /// Returns when a snooze given at <paramref name="from"/> ends, or null when the reason is not one of our snooze
    /// codes (a snooze suppresses the card for that patient until then; the other reasons suppress nothing).
    /// </summary>
    public static DateTimeOffset? SnoozeUntil(string? system, string? code, DateTimeOffset from) =>
        system != B12CdsUris.OverrideReason
            ? null
            : code switch
            {
                Snooze1Week => from.AddDays(7),
                Snooze1Month => from.AddMonths(1),
                Snooze3Months => from.AddMonths(3),
                _ => null,
            };

    private static Coding Reason(string code, string display) => new() { System = B12CdsUris.OverrideReason, Code = code, Display = display };
}
