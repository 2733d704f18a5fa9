using System.Globalization;
using B12Cds.Facts.Model;

namespace B12Cds.Cards.CarePlans;

/// <summary>UCUM units of time (s, min, h, d, wk, mo, a): adding them to instants and writing them in words.</summary>
public static class Durations
{
    /// <summary>Adds a duration to an instant: calendar months and years when whole, else their mean length.</summary>
    /// <exception cref="ArgumentException">The unit is not a UCUM unit of time.</exception>
    public static DateTimeOffset Add(DateTimeOffset start, Measurement duration)
    {
        var v = duration.Value;
        var whole = decimal.Truncate(v) == v;
        return duration.Unit switch
        {
            "s" => start.AddSeconds((double)v),
            "min" => start.AddMinutes((double)v),
            "h" => start.AddHours((double)v),
            "d" => start.AddDays((double)v),
            "wk" => start.AddDays((double)(v * 7)),
            "mo" when whole => start.AddMonths((int)v),
            "mo" => start.AddDays((double)(v * 30.4375m)),
            "a" when whole => start.AddYears((int)v),
            "a" => start.AddDays((double)(v * 365.25m)),
            _ => throw new ArgumentException($"'{duration.Unit}' is not a UCUM unit of time (s, min, h, d, wk, mo, a).", nameof(duration)),
        };
    }

    /// <summary>Writes an amount of a unit of time in words: <c>2 weeks</c>, <c>1 month</c>, <c>10 days</c>.</summary>
    public static string Describe(decimal amount, string? unit)
    {
        var word = UnitWord(unit);
        return $"{Number(amount)} {word}{(amount == 1 || word == unit ? string.Empty : "s")}";
    }

    /// <summary>Writes a duration in words.</summary>
    public static string Describe(Measurement duration) => Describe(duration.Value, duration.Unit);

    /// <summary>Gets the word for a UCUM unit of time (<c>wk</c> → week); the unit itself when unknown.</summary>
    public static string UnitWord(string? unit) => unit switch
    {
        "s" => "second",
        "min" => "minute",
        "h" => "hour",
        "d" => "day",
        "wk" => "week",
        "mo" => "month",
        "a" => "year",
        _ => unit ?? string.Empty,
    };

    /// <summary>Writes a number without trailing zeros.</summary>
    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
