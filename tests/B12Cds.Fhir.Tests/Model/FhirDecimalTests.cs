using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class FhirDecimalTests
{
    [Fact]
    public void ImplicitConversion_DecimalWithTrailingZero_KeepsTheTrailingZero()
    {
        // Act
        FhirDecimal value = 1.50m;

        // Assert
        Assert.Equal("1.50", value.Text);
        Assert.Equal("1.50", value.ToString());
        Assert.Equal(1.50m, value.Value);
        Assert.True(value.IsExact);
        Assert.False(value.HasText);
    }

    [Fact]
    public void FromDecimal_Decimal_IsTheSameAsTheImplicitConversion()
    {
        // Arrange
        FhirDecimal implicitValue = 0.001m;

        // Act
        var value = FhirDecimal.FromDecimal(0.001m);

        // Assert
        Assert.Equal(implicitValue, value);
        Assert.Equal("0.001", value.Text);
    }

    [Theory]
    [InlineData("1E-22", "0.0000000000000000000001", true)]
    [InlineData("1.5e2", "150", true)]
    [InlineData("1.000000000000000000E-245", "0", false)]
    public void FromJsonText_ExponentText_KeepsTheTextExactly(string text, string nearest, bool isExact)
    {
        // Arrange
        var nearestValue = decimal.Parse(nearest, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var value = FhirDecimal.FromJsonText(text, nearestValue, isExact);

        // Assert
        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
        Assert.Equal(nearestValue, value.Value);
        Assert.Equal(isExact, value.IsExact);
        Assert.True(value.HasText);
    }

    [Fact]
    public void FromJsonText_OutOfDecimalRange_KeepsTextWithNearestValueAndIsNotExact()
    {
        // Act
        var value = FhirDecimal.FromJsonText("-1.000000000000000000E+245", decimal.MinValue, isExact: false);

        // Assert
        Assert.Equal("-1.000000000000000000E+245", value.Text);
        Assert.Equal(decimal.MinValue, value.Value);
        Assert.False(value.IsExact);
    }

    [Fact]
    public void Equals_SameValueDifferentPrecision_IsNotEqualButComparesEqual()
    {
        // Arrange
        FhirDecimal one = 1.5m;
        FhirDecimal onePointFifty = 1.50m;

        // Act and Assert: 1.5 and 1.50 are different FHIR values (precision is significant) of the same magnitude.
        Assert.NotEqual(one, onePointFifty);
        Assert.True(one != onePointFifty);
        Assert.Equal(0, one.CompareTo(onePointFifty));
        Assert.True(one <= onePointFifty);
        Assert.True(one >= onePointFifty);
    }

    [Fact]
    public void Equals_SameText_IsEqualWithSameHashCode()
    {
        // Arrange
        FhirDecimal a = 2.50m;
        FhirDecimal b = 2.50m;

        // Act and Assert
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.True(a.Equals(2.50m)); // through the implicit conversion
        Assert.False(a.Equals((object)2.50m)); // a boxed decimal is not a FhirDecimal
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void CompareTo_DifferentValues_OrdersByValue()
    {
        // Arrange
        FhirDecimal low = 148m;
        FhirDecimal high = 150.0m;
        var tiny = FhirDecimal.FromJsonText("1E-22", 1E-22m, isExact: true);

        // Act and Assert
        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(tiny < low);
        Assert.Equal([tiny, low, high], new[] { high, tiny, low }.Order().ToArray());
    }

    [Fact]
    public void Default_Value_IsZero()
    {
        // Act
        var value = default(FhirDecimal);

        // Assert
        Assert.Equal(0m, value.Value);
        Assert.Equal("0", value.Text);
    }
}
