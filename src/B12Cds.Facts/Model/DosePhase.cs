namespace B12Cds.Facts.Model;

/// <summary>One phase of a dosage (one FHIR Dosage): dose, route, how often and for how long.</summary>
public sealed record DosePhase
{
    /// <summary>Gets the phase's order (Dosage.sequence), if given.</summary>
    public int? Sequence { get; init; }

    /// <summary>Gets the dose per administration; a mass is normalised to micrograms (<c>ug</c>).</summary>
    public Measurement? Dose { get; init; }

    /// <summary>Gets the route's value set id, e.g. <c>route-intramuscular</c>.</summary>
    public string? Route { get; init; }

    /// <summary>Gets the days between doses (period ÷ frequency): 1 daily, 7 weekly, 2.33 for three times a week.</summary>
    public decimal? IntervalDays { get; init; }

    /// <summary>Gets how long the phase lasts in days (Timing.repeat.boundsDuration), if given.</summary>
    public decimal? DurationDays { get; init; }

    /// <summary>Gets the number of doses in the phase (Timing.repeat.count), if given.</summary>
    public int? Count { get; init; }

    /// <summary>Gets the average dose per day in micrograms, when dose and interval are known and the dose is a mass.</summary>
    public decimal? DailyDoseMicrograms { get; init; }

    /// <summary>Gets the dosage text as written.</summary>
    public string? Text { get; init; }
}
