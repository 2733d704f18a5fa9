using B12Cds.Cards.CarePlans;
using B12Cds.Facts.Model;

namespace B12Cds.Cards.Tests.CarePlans;

/// <summary>Adding UCUM durations to the evaluation time (follow-up due dates) and writing them in words.</summary>
public sealed class DurationsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, "d", "2026-11-11T09:30:00Z")]
    [InlineData(8, "wk", "2026-12-27T09:30:00Z")]
    [InlineData(3, "mo", "2027-02-01T09:30:00Z")]
    [InlineData(1, "a", "2027-11-01T09:30:00Z")]
    [InlineData(48, "h", "2026-11-03T09:30:00Z")]
    public void Add_UcumDuration_CalendarArithmetic(int amount, string unit, string expected)
    {
        // Arrange
        var duration = new Measurement(amount, unit);

        // Act
        var due = Durations.Add(Start, duration);

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void Add_UnitThatIsNotTime_Throws()
    {
        // Arrange
        var duration = new Measurement(1, "mg");

        // Act
        var error = Record.Exception(() => Durations.Add(Start, duration));

        // Assert
        Assert.IsType<ArgumentException>(error);
    }

    [Theory]
    [InlineData(1, "wk", "1 week")]
    [InlineData(2, "wk", "2 weeks")]
    [InlineData(10, "d", "10 days")]
    [InlineData(1.5, "mo", "1.5 months")]
    public void Describe_Duration_InWords(decimal amount, string unit, string expected)
    {
        // Arrange
        // Act
        var text = Durations.Describe(amount, unit);

        // Assert
        Assert.Equal(expected, text);
    }
}
