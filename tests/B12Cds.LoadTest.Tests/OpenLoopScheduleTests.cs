namespace B12Cds.LoadTest.Tests;

public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void DueAt_NonIntegralInterval_DoesNotDrift()
    {
        // 3 per second at 10 ticks per second: 3.33… ticks apart; rounding never accumulates.
        var schedule = new OpenLoopSchedule(startTicks: 100, ratePerSecond: 3, tickFrequency: 10);

        Assert.Equal([100, 103, 107, 110], Enumerable.Range(0, 4).Select(schedule.DueAt));
        Assert.Equal(100 + 33_333, schedule.DueAt(10_000));
    }

    [Fact]
    public void DueBy_AgreesWithDueAt_AtAndJustBeforeEveryDueTime()
    {
        var schedule = new OpenLoopSchedule(startTicks: 5_000, ratePerSecond: 1_500, tickFrequency: 1_000_000_000);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.Equal(i + 1, schedule.DueBy(schedule.DueAt(i), int.MaxValue));
            Assert.Equal(i, schedule.DueBy(schedule.DueAt(i) - 1, int.MaxValue));
        }
    }

    [Fact]
    public void DueBy_BeforeStartAndPastTheEnd_IsClamped()
    {
        var schedule = new OpenLoopSchedule(startTicks: 1_000, ratePerSecond: 1_000, tickFrequency: 1_000_000);

        Assert.Equal(0, schedule.DueBy(999, 100));
        Assert.Equal(1, schedule.DueBy(1_000, 100));
        Assert.Equal(100, schedule.DueBy(long.MaxValue / 2, 100));
        Assert.Equal(0, schedule.DueBy(5_000, 0));
    }
}
