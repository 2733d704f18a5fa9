using System.Globalization;
using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class UnitConversionDurationTests
{
    [Theory]
    [InlineData("2", "wk", "14")]
    [InlineData("3", "mo", "91.3125")]
    [InlineData("1", "mo", "30.4375")]
    [InlineData("1", "a", "365.25")]
    [InlineData("2", "a", "730.5")]
    [InlineData("10", "d", "10")]
    [InlineData("36", "h", "1.5")]
    [InlineData("90", "min", "0.0625")]
    [InlineData("86400", "s", "1")]
    [InlineData("1", "week", "7")]
    [InlineData("6", "months", "182.625")]
    [InlineData("12", "hrs", "0.5")]
    [InlineData("1", "a_g", "365.2425")]
    [InlineData("0", "d", "0")]
    public void TryToDays_Duration_ReturnsDays(string value, string unit, string expected)
    {
        // Act
        var ok = UnitConversion.TryToDays(decimal.Parse(value, CultureInfo.InvariantCulture), unit, out var days);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, days.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("mg")]
    [InlineData("s-1")]
    [InlineData("h2")]
    [InlineData("banana")]
    [InlineData("")]
    public void TryToDays_NotADuration_ReturnsFalse(string unit)
    {
        // Act
        var ok = UnitConversion.TryToDays(1m, unit, out var days);

        // Assert
        Assert.False(ok);
        Assert.Equal(0m, days);
    }
}
