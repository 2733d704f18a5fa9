using System.Collections.Concurrent;
using B12Cds.Facts.Units;

namespace B12Cds.Rules.Engine;

/// <summary>Unit conversion for comparisons, with conversion factors memoised (conversions of concentrations and doses are linear).</summary>
internal static class Quantities
{
    private static readonly ConcurrentDictionary<(string From, string To, decimal MolarMass), decimal?> Factors = new();

    /// <summary>Converts <paramref name="value"/> to <paramref name="unit"/>; false when the units are not convertible.</summary>
    public static bool TryConvert(Value value, string unit, decimal molarMass, out decimal result)
    {
        result = 0;
        if (value.Unit is not { } from)
        {
            return false;
        }

        if (string.Equals(from, unit, StringComparison.Ordinal))
        {
            result = value.Number;
            return true;
        }

        var factor = Factors.GetOrAdd((from, unit, molarMass), static key =>
            UnitConversion.TryConvert(1m, key.From, key.To, key.MolarMass == 0 ? null : key.MolarMass, out var f) ? f : null);
        if (factor is not { } k)
        {
            return false;
        }

        result = value.Number * k;
        return true;
    }

    /// <summary>Compares two quantities in the left one's unit; null when they cannot be compared.</summary>
    public static int? Compare(Value left, Value right)
    {
        var molarMass = left.MolarMass != 0 ? left.MolarMass : right.MolarMass;
        return left.Unit is { } unit && TryConvert(right, unit, molarMass, out var r) ? left.Number.CompareTo(r) : null;
    }

    /// <summary>A duration in days; months and years at their UCUM lengths (30.4375 d and 365.25 d).</summary>
    public static decimal? Days(Value duration) => duration.Unit switch
    {
        "d" => duration.Number,
        "wk" => duration.Number * 7,
        "mo" => duration.Number * 30.4375m,
        "a" => duration.Number * 365.25m,
        "h" => duration.Number / 24,
        { } unit when UnitConversion.TryToDays(duration.Number, unit, out var days) => days,
        _ => null,
    };

    /// <summary>Adds a duration to a date: whole months and years on the calendar, anything else in days.</summary>
    /// <remarks><see cref="DateShift"/> is the same, prepared once for a constant duration.</remarks>
    /// <remarks>A result beyond the calendar (9999-12-31 + 30 days) is missing (null), never an exception.</remarks>
    public static DateTimeOffset? Add(DateTimeOffset date, Value duration, int sign)
    {
        var n = duration.Number * sign;
        try
        {
            if (duration.Unit is "mo" or "a" && decimal.IsInteger(n) && Math.Abs(n) < 100_000)
            {
                return duration.Unit == "mo" ? date.AddMonths((int)n) : date.AddYears((int)n);
            }

            return Days(duration) is { } days && Math.Abs(days) < 3_650_000 ? date.AddDays((double)(days * sign)) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
