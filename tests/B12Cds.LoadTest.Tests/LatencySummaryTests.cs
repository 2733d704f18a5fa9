namespace B12Cds.LoadTest.Tests;

public sealed class LatencySummaryTests
{
    [Theory]
    [InlineData(50, 500)]
    [InlineData(90, 900)]
    [InlineData(99, 990)]
    [InlineData(99.9, 999)]
    [InlineData(100, 1000)]
    [InlineData(0, 1)]
    public void Percentile_OneToThousandScrambled_IsTheNearestRank(double percent, double expectedMs)
    {
        var values = Enumerable.Range(0, 1000).Select(i => ((i * 997L) % 1000) + 1).ToArray();

        var summary = LatencySummary.FromTicks(values, values.Length, tickFrequency: 1000);

        Assert.Equal(expectedMs, summary.Percentile(percent));
        Assert.Equal(500.5, summary.Mean, precision: 9);
    }

    [Fact]
    public void FromTicks_PartlyFilledArray_UsesOnlyTheCompletedValues()
    {
        long[] ticks = [4_000_000, 1_000_000, 3_000_000, 2_000_000, 0, 0, 0];

        var summary = LatencySummary.FromTicks(ticks, 4, tickFrequency: 1_000_000_000);

        Assert.Equal(4, summary.Count);
        Assert.Equal(1.0, summary.Min);
        Assert.Equal(2.0, summary.Percentile(50));
        Assert.Equal(4.0, summary.Percentile(99));
        Assert.Equal(4.0, summary.Max);
    }

    [Fact]
    public void RankIndex_SmallCounts_NeverLeavesTheArray()
    {
        Assert.Equal(-1, LatencySummary.RankIndex(99, 0));
        Assert.Equal(0, LatencySummary.RankIndex(99.9, 1));
        Assert.Equal(1, LatencySummary.RankIndex(99, 2));
        Assert.Equal(0, LatencySummary.RankIndex(50, 2));
    }
}
