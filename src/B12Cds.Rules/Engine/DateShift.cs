namespace B12Cds.Rules.Engine;

/// <summary>
/// A constant duration added to dates, prepared once: exactly what <see cref="Quantities.Add"/> computes for it, but
/// without evaluating the duration and doing its decimal arithmetic again for every date (a look-back window is
/// applied to the evaluation time by every pattern that has one).
/// </summary>
internal sealed class DateShift
{
    private readonly ShiftUnit _unit;
    private readonly int _calendarCount;
    private readonly double _days;

    private DateShift(ShiftUnit unit, int calendarCount, double days)
    {
        _unit = unit;
        _calendarCount = calendarCount;
        _days = days;
    }

    private enum ShiftUnit
    {
        Months,
        Years,
        Days,
        Never,
    }

    /// <summary>Prepares subtracting <paramref name="duration"/> (a look-back window's start); null when it cannot be prepared.</summary>
    public static DateShift? Back(Value duration) => Of(duration, -1);

    /// <summary>
    /// Prepares adding <paramref name="duration"/> times <paramref name="sign"/>, with the cases and limits of
    /// <see cref="Quantities.Add"/>; null when its arithmetic overflows, which is then left to fail where it always has:
    /// in the rule's evaluation, as that rule's error.
    /// </summary>
    public static DateShift? Of(Value duration, int sign)
    {
        try
        {
            return Prepare(duration, sign);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static DateShift Prepare(Value duration, int sign)
    {
        var n = duration.Number * sign;
        if (duration.Unit is "mo" or "a" && decimal.IsInteger(n) && Math.Abs(n) < 100_000)
        {
            return new DateShift(duration.Unit == "mo" ? ShiftUnit.Months : ShiftUnit.Years, (int)n, 0);
        }

        return Quantities.Days(duration) is { } days && Math.Abs(days) < 3_650_000
            ? new DateShift(ShiftUnit.Days, 0, (double)(days * sign))
            : new DateShift(ShiftUnit.Never, 0, 0);
    }

    /// <summary>The shifted date; null when it is beyond the calendar or the duration cannot be added.</summary>
    public DateTimeOffset? Apply(DateTimeOffset date)
    {
        try
        {
            return _unit switch
            {
                ShiftUnit.Months => date.AddMonths(_calendarCount),
                ShiftUnit.Years => date.AddYears(_calendarCount),
                ShiftUnit.Days => date.AddDays(_days),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
