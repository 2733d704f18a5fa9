using B12Cds.Facts.Model;

namespace B12Cds.Rules.Model;

/// <summary>
/// One phase of a regimen (loading, maintenance): a dose by a route, <see cref="Frequency"/> times every
/// <see cref="Period"/> <see cref="PeriodUnit"/>, for a duration, a number of doses, or until a stated end.
/// </summary>
public sealed record RegimenPhase
{
    /// <summary>Gets the phase's name, e.g. loading or maintenance.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the dose per administration (UCUM: mg, ug).</summary>
    public required Measurement Dose { get; init; }

    /// <summary>Gets the route value set id, e.g. <c>route-intramuscular</c>.</summary>
    public required string Route { get; init; }

    /// <summary>Gets how many doses per period.</summary>
    public int Frequency { get; init; } = 1;

    /// <summary>Gets the period's length.</summary>
    public decimal Period { get; init; } = 1;

    /// <summary>Gets the period's UCUM unit of time: d, wk, mo, a.</summary>
    public required string PeriodUnit { get; init; }

    /// <summary>Gets how long the phase lasts, if bounded by time (e.g. 2 wk).</summary>
    public Measurement? Duration { get; init; }

    /// <summary>Gets the number of doses, if bounded by count.</summary>
    public int? Count { get; init; }

    /// <summary>Gets the condition that ends an open-ended phase, in words ("until no further improvement", "lifelong").</summary>
    public string? Until { get; init; }

    /// <summary>Gets the instruction text as a prescriber would write it.</summary>
    public string? Text { get; init; }
}
