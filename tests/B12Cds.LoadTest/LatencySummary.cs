using System.Diagnostics;

namespace B12Cds.LoadTest;

/// <summary>
/// Percentiles of a set of durations measured in <see cref="Stopwatch"/> ticks. Every value is kept (a preallocated
/// array, sorted once), so the percentiles are exact: the nearest-rank value, the smallest recorded value such that
/// at least p % of the values are at most it.
/// </summary>
public sealed class LatencySummary
{
    private readonly long[] _sorted;

    private LatencySummary(long[] sorted, double tickFrequency)
    {
        _sorted = sorted;
        TickFrequency = tickFrequency;
    }

    /// <summary>Gets the number of values.</summary>
    public int Count => _sorted.Length;

    /// <summary>Gets the ticks per second of the values (normally <see cref="Stopwatch.Frequency"/>).</summary>
    public double TickFrequency { get; }

    /// <summary>Sorts the first <paramref name="count"/> values of <paramref name="ticks"/> in place and summarises them.</summary>
    public static LatencySummary FromTicks(long[] ticks, int count, double tickFrequency)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ticks.Length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tickFrequency);
        var sorted = count == ticks.Length ? ticks : ticks[..count];
        Array.Sort(sorted);
        return new LatencySummary(sorted, tickFrequency);
    }

    /// <summary>The nearest-rank index for percentile <paramref name="percent"/> among <paramref name="count"/> sorted values (−1 when there are none).</summary>
    public static int RankIndex(double percent, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100.0);
        if (count == 0)
        {
            return -1;
        }

        // ceil(p/100 * n) - 1, computed so that 99.9 % of 1000 is rank 999 despite binary fractions.
        var rank = (long)Math.Ceiling((percent * count / 100.0) - 1e-9);
        return (int)Math.Clamp(rank - 1, 0, count - 1);
    }

    /// <summary>The percentile in ticks (0 when there are no values).</summary>
    public long PercentileTicks(double percent)
    {
        var index = RankIndex(percent, _sorted.Length);
        return index < 0 ? 0 : _sorted[index];
    }

    /// <summary>The percentile in milliseconds (0 when there are no values).</summary>
    public double Percentile(double percent) => ToMilliseconds(PercentileTicks(percent));

    /// <summary>Gets the smallest value in milliseconds.</summary>
    public double Min => _sorted.Length == 0 ? 0 : ToMilliseconds(_sorted[0]);

    /// <summary>Gets the largest value in milliseconds.</summary>
    public double Max => _sorted.Length == 0 ? 0 : ToMilliseconds(_sorted[^1]);

    /// <summary>Gets the mean in milliseconds.</summary>
    public double Mean
    {
        get
        {
            if (_sorted.Length == 0)
            {
                return 0;
            }

            double sum = 0;
            foreach (var t in _sorted)
            {
                sum += t;
            }

            return ToMilliseconds(sum / _sorted.Length);
        }
    }

    private double ToMilliseconds(double ticks) => ticks * 1000.0 / TickFrequency;
}
