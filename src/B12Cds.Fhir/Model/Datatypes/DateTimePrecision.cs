namespace B12Cds.Fhir.Model;

/// <summary>How much of a FHIR date, dateTime or instant was given.</summary>
public enum DateTimePrecision
{
    /// <summary>A year only (<c>2024</c>).</summary>
    Year,

    /// <summary>A year and month (<c>2024-03</c>).</summary>
    Month,

    /// <summary>A full date (<c>2024-03-15</c>).</summary>
    Day,

    /// <summary>A date with a time to the second or finer (<c>2024-03-15T10:30:00Z</c>).</summary>
    Time,
}
