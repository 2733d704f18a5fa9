using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>What the engine prepares once instead of per match: constant look-back windows and aggregate field tables.</summary>
public sealed class PreparedValuesTests
{
    public static TheoryData<decimal, string> Durations => new()
    {
        { 180, "d" },
        { 1.5m, "d" },
        { 0.25m, "d" },
        { 12, "wk" },
        { 6, "mo" },
        { 1.5m, "mo" },
        { 2, "a" },
        { 0.5m, "a" },
        { 36, "h" },
        { 5000, "a" },
        { 99_999, "mo" },
        { 3_700_000, "d" },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Apply_ConstantWindow_SameAsAddingTheDurationEachTime(decimal amount, string unit)
    {
        // Arrange
        var duration = Value.FromDuration(amount, unit);
        var dates = new[]
        {
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 2, 29, 13, 45, 10, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.FromHours(-8)),
            DateTimeOffset.MinValue.AddDays(10),
        };

        foreach (var date in dates)
        {
            foreach (var sign in new[] { -1, 1 })
            {
                // Act
                var prepared = DateShift.Of(duration, sign);

                // Assert
                Assert.NotNull(prepared);
                Assert.Equal(Quantities.Add(date, duration, sign), prepared.Apply(date));
            }
        }
    }

    [Fact]
    public void FieldTable_ReadAndEnumerate_LikeADictionaryInInsertionOrder()
    {
        // Arrange
        var table = new FieldTable(["first", "count"], [Value.FromText("a"), Value.FromNumber(2)]);

        // Act and assert
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetValue("count", out var count));
        Assert.Equal(Value.FromNumber(2), count);
        Assert.False(table.TryGetValue("days", out _));
        Assert.False(table.ContainsKey("Count"));
        Assert.Equal(Value.FromText("a"), table["first"]);
        Assert.Throws<KeyNotFoundException>(() => table["days"]);
        Assert.Equal(["first", "count"], table.Select(kv => kv.Key));
        Assert.Equal(["first", "count"], table.Keys);
        Assert.Equal([Value.FromText("a"), Value.FromNumber(2)], table.Values);
    }
}
