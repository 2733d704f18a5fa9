using System.Globalization;
using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class UnitConversionParseTests
{
    private static readonly UnitDimension Mass = new(1, 0, 0, 0, 0, 0);
    private static readonly UnitDimension Volume = new(0, 0, 3, 0, 0, 0);
    private static readonly UnitDimension Time = new(0, 0, 0, 1, 0, 0);
    private static readonly UnitDimension MassConcentration = new(1, 0, -3, 0, 0, 0);
    private static readonly UnitDimension SubstanceConcentration = new(0, 1, -3, 0, 0, 0);
    private static readonly UnitDimension PerVolume = new(0, 0, -3, 0, 0, 0);
    private static readonly UnitDimension Flow = new(0, 0, 3, -1, 0, 0);
    private static readonly UnitDimension InternationalUnitsPerVolume = new(0, 0, -3, 0, 1, 0);
    private static readonly UnitDimension EquivalentsPerVolume = new(0, 0, -3, 0, 0, 1);
    private static readonly UnitDimension CatalyticActivity = new(0, 1, 0, -1, 0, 0);

    public static TheoryData<string, string, string, UnitDimension> Units => new()
    {
        { "g", "g", "1", Mass },
        { "mcg", "ug", "0.000001", Mass },
        { "L", "L", "0.001", Volume },
        { "fL", "fL", "0.000000000000000001", Volume },
        { "um3", "um3", "0.000000000000000001", Volume },
        { "g/dL", "g/dL", "10000", MassConcentration },
        { "ng/L", "ng/L", "0.000001", MassConcentration },
        { "pmol/L", "pmol/L", "0.000000001", SubstanceConcentration },
        { "10*9/L", "10*9/L", "1000000000000", PerVolume },
        { "10*3/uL", "10*3/uL", "1000000000000", PerVolume },
        { "/nL", "/nL", "1000000000000", PerVolume },
        { "10*9{cells}/L", "10*9{cells}/L", "1000000000000", PerVolume },
        { "mL/min/{1.73_m2}", "mL/min/{1.73_m2}", "0.0000000166666666666666666667", Flow },
        { "m[IU]/L", "m[IU]/L", "1", InternationalUnitsPerVolume },
        { "meq/L", "meq/L", "1", EquivalentsPerVolume },
        { "U/L", "U/L", "0", CatalyticActivity.Multiply(PerVolume) },
        { "%", "%", "0.01", UnitDimension.Dimensionless },
        { "{ratio}", "{ratio}", "1", UnitDimension.Dimensionless },
        { "L/L", "L/L", "1", UnitDimension.Dimensionless },
        { "mo", "mo", "2629800", Time },
        { "a", "a", "31557600", Time },
        { "s-1", "s-1", "1", Time.Power(-1) },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public void TryParse_Unit_ReturnsCodeFactorAndDimension(string unit, string code, string factor, UnitDimension dimension)
    {
        // Act
        var ok = UnitConversion.TryParse(unit, out var parsed);

        // Assert
        Assert.True(ok);
        Assert.Equal(code, parsed!.Code);
        if (factor != "0")
        {
            Assert.Equal(decimal.Parse(factor, CultureInfo.InvariantCulture), parsed.Factor);
        }

        Assert.Equal(dimension, parsed.Dimension);
    }

    [Fact]
    public void TryParse_EnzymeUnit_HasFactorOfOneMicromolePerMinute()
    {
        // Act
        var ok = UnitConversion.TryParse("U", out var parsed);

        // Assert: 1 U = 1 umol/min = 1/60000000 mol/s
        Assert.True(ok);
        Assert.Equal(Math.Round(1m / 60_000_000m, 20), Math.Round(parsed!.Factor, 20));
    }

    [Fact]
    public void TryParse_EgfrWithAnnotation_HasSameDimensionAsPlainFlow()
    {
        // Act
        var indexedOk = UnitConversion.TryParse("mL/min/1.73m2", out var indexed);
        var plainOk = UnitConversion.TryParse("mL/min", out var plain);

        // Assert
        Assert.True(indexedOk);
        Assert.True(plainOk);
        Assert.NotNull(indexed);
        Assert.NotNull(plain);
        Assert.Equal("mL/min/{1.73_m2}", indexed.Code);
        Assert.Equal(plain.Dimension, indexed.Dimension);
        Assert.Equal(plain.Factor, indexed.Factor);
        Assert.NotEqual(plain.Code, indexed.Code);
    }

    [Fact]
    public void TryParse_LowerCaseAndUpperCaseLitre_AreTheSameUnit()
    {
        // Act
        var lowerOk = UnitConversion.TryParse("umol/l", out var lower);
        var upperOk = UnitConversion.TryParse("umol/L", out var upper);

        // Assert
        Assert.True(lowerOk);
        Assert.True(upperOk);
        Assert.Equal(upper, lower);
    }

    [Fact]
    public void TryParse_DivisionsAreLeftAssociative_AsUcumDefines()
    {
        // Act: mg/kg/d = (mg/kg)/d; mg/kg.d = (mg/kg).d
        var perDayOk = UnitConversion.TryParse("mg/kg/d", out var perDay);
        var timesDayOk = UnitConversion.TryParse("mg/kg.d", out var timesDay);

        // Assert
        Assert.True(perDayOk);
        Assert.True(timesDayOk);
        Assert.Equal(Time.Power(-1), perDay!.Dimension);
        Assert.Equal(Time, timesDay!.Dimension);
    }

    [Fact]
    public void TryParse_Parentheses_GroupTerms()
    {
        // Act
        var ok = UnitConversion.TryParse("mg/(kg.d)", out var parsed);

        // Assert
        Assert.True(ok);
        Assert.NotNull(parsed);
        Assert.Equal(Time.Power(-1), parsed.Dimension);
        Assert.Equal(0.000000000011574074074074074m, Math.Round(parsed.Factor, 27)); // 0.001 g / (1000 g . 86400 s)
    }

    [Fact]
    public void TryParse_SameTextTwice_ReturnsCachedInstance()
    {
        // Act
        var firstOk = UnitConversion.TryParse("ng/mL", out var first);
        var secondOk = UnitConversion.TryParse("ng/mL", out var second);

        // Assert
        Assert.True(firstOk);
        Assert.True(secondOk);
        Assert.Same(first, second);
    }

    [Fact]
    public void TryParse_ManyThreads_AgreeOnResult()
    {
        // Arrange
        string[] units = ["pg/mL", "pmol/L", "10^9/L", "K/uL", "mL/min/1.73m2", "banana"];
        var results = new UcumUnit?[units.Length * 50];
        var succeeded = new bool[results.Length];

        // Act
        Parallel.For(0, results.Length, i => succeeded[i] = UnitConversion.TryParse(units[i % units.Length], out results[i]));

        // Assert
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(results[i % units.Length], results[i]);
            Assert.Equal(units[i % units.Length] != "banana", succeeded[i]);
        }

        Assert.Null(results[5]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("banana")]
    [InlineData("mg//dL")]
    [InlineData("10*30/L")] // factor too large for a decimal
    [InlineData("ym3")] // factor too small for a decimal
    public void TryParse_Unparseable_ReturnsFalse(string? unit)
    {
        // Act
        var ok = UnitConversion.TryParse(unit, out var parsed);

        // Assert
        Assert.False(ok);
        Assert.Null(parsed);
    }

    [Fact]
    public void UnitDimension_Default_IsDimensionless()
    {
        // Act
        var dimension = UnitDimension.Dimensionless;

        // Assert
        Assert.True(dimension.IsDimensionless);
        Assert.False(Mass.IsDimensionless);
        Assert.Equal(new UnitDimension(0, 0, 0, 0, 0, 0), dimension);
    }
}
