namespace B12Cds.Cards.CarePlans;

/// <summary>What a CarePlan depends on besides the evaluation: whom it is for and which hook call.</summary>
public sealed record CarePlanOptions
{
    /// <summary>Gets the default options: no patient id, no hook instance.</summary>
    public static CarePlanOptions Default { get; } = new();

    /// <summary>Gets the Patient resource id (the subject; part of the CarePlan's id).</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the CDS Hooks <c>hookInstance</c> of the call, if any (part of the CarePlan's id).</summary>
    public string? HookInstance { get; init; }
}
