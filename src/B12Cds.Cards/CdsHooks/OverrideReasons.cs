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

    /// <summary>Show the card again in a month.</summary>
    public const string Snooze1Month = "snooze-1-month";

    /// <summary>Gets every reason, in the order they are offered.</summary>
    public static IReadOnlyList<Coding> All { get; } =
    [
        Reason(AlreadyTreated, "Already treated or treatment planned"),
        Reason(PatientDeclined, "Patient declined"),
        Reason(NotRelevant, "Not relevant for this patient"),
        Reason(Snooze1Month, "Remind me in 1 month"),
    ];

    private static Coding Reason(string code, string display) => new() { System = B12CdsUris.OverrideReason, Code = code, Display = display };
}
