namespace B12Cds.LoadTest;

/// <summary>
/// The fixed timetable of an open-loop run: request <c>i</c> is due at <c>start + i / rate</c>, whatever happened to
/// the earlier requests. Latency is measured from this due time, not from when the request was actually sent, so a
/// stalled service (or a late client) is charged for the whole wait (no coordinated omission).
/// </summary>
public sealed class OpenLoopSchedule
{
    private readonly double _ticksPerRequest;

    /// <summary>Creates the timetable for <paramref name="ratePerSecond"/> requests per second from <paramref name="startTicks"/>.</summary>
    public OpenLoopSchedule(long startTicks, double ratePerSecond, long tickFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickFrequency);
        StartTicks = startTicks;
        _ticksPerRequest = tickFrequency / ratePerSecond;
    }

    /// <summary>Gets the due time of the first request.</summary>
    public long StartTicks { get; }

    /// <summary>The due time of request <paramref name="index"/> (computed from the start, so rounding never accumulates).</summary>
    public long DueAt(int index) => StartTicks + (long)Math.Round(index * _ticksPerRequest);

    /// <summary>How many of the first <paramref name="count"/> requests are due at <paramref name="nowTicks"/> (due time at or before it).</summary>
    public int DueBy(long nowTicks, int count)
    {
        if (count <= 0 || nowTicks < StartTicks)
        {
            return 0;
        }

        var estimate = (long)Math.Floor((nowTicks - StartTicks) / _ticksPerRequest) + 1;
        var due = (int)Math.Clamp(estimate, 0, count);

        // Settle the floating-point estimate against DueAt, which is the definition.
        while (due < count && DueAt(due) <= nowTicks)
        {
            due++;
        }

        while (due > 0 && DueAt(due - 1) > nowTicks)
        {
            due--;
        }

        return due;
    }
}
