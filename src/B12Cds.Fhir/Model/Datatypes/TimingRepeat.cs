namespace B12Cds.Fhir.Model;

/// <summary>The repeating pattern of a <see cref="Timing"/>: <c>frequency</c> times per <c>period</c> <c>periodUnit</c>, within <c>bounds</c>.</summary>
public sealed record TimingRepeat
{
    /// <summary>Gets the length of time the pattern applies for (a FHIR <c>Duration</c>).</summary>
    public Quantity? BoundsDuration { get; init; }

    public Range? BoundsRange { get; init; }

    public Period? BoundsPeriod { get; init; }

    public int? Count { get; init; }

    public int? CountMax { get; init; }

    public decimal? Duration { get; init; }

    public decimal? DurationMax { get; init; }

    public string? DurationUnit { get; init; }

    public int? Frequency { get; init; }

    public int? FrequencyMax { get; init; }

    public decimal? Period { get; init; }

    public decimal? PeriodMax { get; init; }

    /// <summary>Gets the UCUM unit of time of <see cref="Period"/>: s, min, h, d, wk, mo or a.</summary>
    public string? PeriodUnit { get; init; }

    public IReadOnlyList<string> DayOfWeek { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> TimeOfDay { get; init => field = FhirList.Clean(value); } = [];

    public IReadOnlyList<string> When { get; init => field = FhirList.Clean(value); } = [];

    public int? Offset { get; init; }
}
