namespace B12Cds.Cards.CdsHooks;

/// <summary>What a card depends on besides the evaluation: whom it is for, which hook call, and how the service names itself.</summary>
public sealed record CardOptions
{
    /// <summary>Gets the default options: no patient id, no hook instance, the evaluation's profile.</summary>
    public static CardOptions Default { get; } = new();

    /// <summary>Gets the Patient resource id (subject of the suggested resources; part of every uuid).</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the CDS Hooks <c>hookInstance</c> of the call, if any (part of every uuid).</summary>
    public string? HookInstance { get; init; }

    /// <summary>Gets the regimen profile (us or uk); null for the evaluation's. A suggested regimen of another profile is not offered.</summary>
    public string? Profile { get; init; }

    /// <summary>Gets the service's base URL, written as <c>source.url</c>.</summary>
    public string? ServiceBaseUrl { get; init; }

    /// <summary>Gets the URL of the service's icon (a 100×100 PNG), written as <c>source.icon</c>.</summary>
    public string? IconUrl { get; init; }

    /// <summary>Gets the service's name, written as <c>source.label</c>.</summary>
    public string SourceLabel { get; init; } = "B12 CDS";
}
