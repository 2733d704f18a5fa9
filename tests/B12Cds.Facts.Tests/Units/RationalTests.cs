using System.Globalization;
using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class RationalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("180.215")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    public void FromDecimal_ThenTryToDecimal_RoundTrips(string text)
    {
        // Arrange
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        // Act
        var ok = Rational.FromDecimal(value).TryToDecimal(out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(value, result);
    }

    [Fact]
    public void TryToDecimal_TrailingZeros_AreRemoved()
    {
        // Act
        var ok = Rational.FromDecimal(12.500m).TryToDecimal(out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal("12.5", result.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryToDecimal_OneThird_RoundsToDecimalPrecision()
    {
        // Act
        var ok = Rational.Create(1, 3).TryToDecimal(out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(0.3333333333333333333333333333m, result);
    }

    [Fact]
    public void TryToDecimal_TwoThirdsNegative_RoundsHalfAwayFromZero()
    {
        // Act
        var ok = Rational.Create(-2, 3).TryToDecimal(out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(-0.6666666666666666666666666667m, result);
    }

    [Fact]
    public void TryToDecimal_TooLarge_ReturnsFalse()
    {
        // Act
        var ok = Rational.FromDecimal(decimal.MaxValue).Multiply(Rational.FromInteger(2)).TryToDecimal(out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void TryToDecimal_TooSmall_ReturnsFalse()
    {
        // Act
        var ok = Rational.Create(1, 1000).Power(10).TryToDecimal(out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void Create_NotInLowestTerms_IsReduced()
    {
        // Act
        var fraction = Rational.Create(-6, -4);

        // Assert
        Assert.Equal(Rational.Create(3, 2), fraction);
        Assert.Equal("3/2", fraction.ToString());
    }

    [Fact]
    public void Power_Negative_Inverts()
    {
        // Act
        var fraction = Rational.Create(2, 3).Power(-2);

        // Assert
        Assert.Equal(Rational.Create(9, 4), fraction);
    }
}
