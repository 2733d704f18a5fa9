using System.Globalization;
using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class UnitConversionConvertTests
{
    private const decimal Cobalamin = 1355m;
    private const decimal Folate = 441.4m;
    private const decimal Haemoglobin = 16114m;
    private const decimal Creatinine = 113.12m;

    /// <summary>Conversions whose result terminates: asserted digit for digit (no spurious trailing zeros or digits).</summary>
    public static TheoryData<decimal, string, string, decimal?, string> ExactConversions => new()
    {
        // Serum B12
        { 133m, "pmol/L", "ng/L", Cobalamin, "180.215" },
        { 150m, "pmol/L", "ng/L", Cobalamin, "203.25" },
        { 258m, "pmol/L", "pg/mL", Cobalamin, "349.59" },
        { 1m, "pg/mL", "ng/L", null, "1" },
        { 180m, "ng/L", "pg/mL", null, "180" },
        { 180m, "ng/L", "pg/mL", Cobalamin, "180" },
        { 203.25m, "ng/L", "pmol/L", Cobalamin, "150" },

        // MMA and homocysteine
        { 0.45m, "umol/L", "nmol/L", null, "450" },
        { 0.45m, "\u00B5mol/L", "nmol/L", null, "450" },
        { 3600m, "nmol/L", "umol/L", null, "3.6" },
        { 0.28m, "umol/l", "nmol/L", null, "280" },
        { 15m, "\u03BCmol/L", "umol/L", null, "15" },

        // Folate
        { 5m, "ug/L", "ng/mL", null, "5" },
        { 5m, "ng/mL", "ug/L", Folate, "5" },
        { 10m, "nmol/L", "ug/L", Folate, "4.414" },

        // Haemoglobin
        { 12.5m, "g/dL", "g/L", null, "125" },
        { 125m, "g/L", "g/dL", null, "12.5" },
        { 8m, "mmol/L", "g/L", Haemoglobin, "128.912" },
        { 8m, "mmol/L", "g/dL", Haemoglobin, "12.8912" },
        { 128.912m, "g/L", "mmol/L", Haemoglobin, "8" },

        // MCV
        { 90m, "fL", "um3", null, "90" },
        { 90m, "fl", "\u00B5m\u00B3", null, "90" },

        // Creatinine
        { 88.4m, "umol/L", "mg/dL", Creatinine, "0.9999808" },
        { 1m, "mg/dL", "mg/L", null, "10" },

        // eGFR
        { 60m, "mL/min/1.73m2", "mL/min/{1.73_m2}", null, "60" },
        { 60m, "ml/min/1.73 m\u00B2", "mL/min/{1.73_m2}", null, "60" },
        { 1m, "mL/s/{1.73_m2}", "mL/min/{1.73_m2}", null, "60" },

        // Ferritin
        { 30m, "ug/L", "ng/mL", null, "30" },
        { 30m, "ng/ml", "\u00B5g/L", null, "30" },

        // TSH
        { 2.5m, "m[IU]/L", "u[IU]/mL", null, "2.5" },
        { 2.5m, "mIU/L", "m[IU]/L", null, "2.5" },
        { 2.5m, "uIU/mL", "mIU/L", null, "2.5" },
        { 1m, "[IU]/L", "m[IU]/L", null, "1000" },

        // Cell counts
        { 4.5m, "10*9/L", "10^9/L", null, "4.5" },
        { 4.5m, "x10E9/L", "10*9/L", null, "4.5" },
        { 4.5m, "K/uL", "10*9/L", null, "4.5" },
        { 4.5m, "10*3/uL", "10*9/L", null, "4.5" },
        { 4.5m, "/nL", "10*9/L", null, "4.5" },
        { 250m, "10*9/L", "10*3/uL", null, "250" },
        { 4.5m, "10*12/L", "/pL", null, "4.5" },
        { 4.5m, "M/uL", "10*12/L", null, "4.5" },
        { 4500m, "cells/uL", "10*9/L", null, "4.5" },

        // Percent and ratio
        { 45m, "%", "L/L", null, "0.45" },
        { 0.45m, "L/L", "%", null, "45" },
        { 0.45m, "L/L", "{ratio}", null, "0.45" },

        // Doses
        { 1000m, "ug", "mg", null, "1" },
        { 1m, "mg", "mcg", null, "1000" },
        { 1m, "mg", "microgram", null, "1000" },
        { 50m, "micrograms", "mg", null, "0.05" },
        { 5m, "g", "mg", null, "5000" },
        { 1.5m, "mg", "g", null, "0.0015" },

        // Durations
        { 2m, "wk", "d", null, "14" },
        { 3m, "mo", "d", null, "91.3125" },
        { 1m, "a", "mo", null, "12" },
        { 1m, "a", "d", null, "365.25" },
        { 36m, "h", "d", null, "1.5" },
        { 90m, "min", "h", null, "1.5" },

        // Negative and zero values convert like any other
        { -2m, "g/dL", "g/L", null, "-20" },
        { 0m, "pmol/L", "ng/L", Cobalamin, "0" },
    };

    /// <summary>Conversions whose result does not terminate: asserted rounded to four decimal places.</summary>
    public static TheoryData<decimal, string, string, decimal?, decimal> RoundedConversions => new()
    {
        { 180m, "ng/L", "pmol/L", Cobalamin, 132.8413m },
        { 350m, "ng/L", "pmol/L", Cobalamin, 258.3026m },
        { 205m, "pg/mL", "pmol/L", Cobalamin, 151.2915m },
        { 5m, "ug/L", "nmol/L", Folate, 11.3276m },
        { 5m, "ng/mL", "nmol/L", Folate, 11.3276m },
        { 130m, "g/L", "mmol/L", Haemoglobin, 8.0675m },
        { 1m, "mg/dL", "umol/L", Creatinine, 88.4017m },
        { 1m, "d", "mo", null, 0.0329m },
    };

    [Theory]
    [MemberData(nameof(ExactConversions))]
    public void TryConvert_TerminatingConversion_ReturnsExactDecimal(decimal value, string from, string to, decimal? molarMass, string expected)
    {
        // Act
        var ok = UnitConversion.TryConvert(value, from, to, molarMass, out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, result.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(RoundedConversions))]
    public void TryConvert_NonTerminatingConversion_ReturnsFullPrecision(decimal value, string from, string to, decimal? molarMass, decimal expected)
    {
        // Act
        var ok = UnitConversion.TryConvert(value, from, to, molarMass, out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, Math.Round(result, 4));
        Assert.True(result.Scale > 20, $"expected full decimal precision, got {result}");
    }

    [Fact]
    public void TryConvert_NgPerLitreToPicomolePerLitre_ReturnsCorrectlyRoundedDecimal()
    {
        // Act
        var ok = UnitConversion.TryConvert(180m, "ng/L", "pmol/L", Cobalamin, out var result);

        // Assert: 180000 / 1355 = 132.841328413284132841328413284...
        Assert.True(ok);
        Assert.Equal(132.84132841328413284132841328m, result);
    }

    [Fact]
    public void TryConvert_RoundTripThroughNonTerminatingUnit_ReturnsOriginalWhenRounded()
    {
        // Arrange
        var forwardOk = UnitConversion.TryConvert(180m, "ng/L", "pmol/L", Cobalamin, out var picomoles);

        // Act
        var ok = UnitConversion.TryConvert(picomoles, "pmol/L", "ng/L", Cobalamin, out var nanograms);

        // Assert
        Assert.True(forwardOk);
        Assert.True(ok);
        Assert.Equal(180m, Math.Round(nanograms, 20));
    }

    [Theory]
    [InlineData("pmol/L", "ng/L")]
    [InlineData("ng/L", "pmol/L")]
    [InlineData("ug/L", "nmol/L")]
    [InlineData("mmol/L", "g/dL")]
    [InlineData("umol/L", "mg/dL")]
    [InlineData("mg", "mmol")]
    public void TryConvert_MassToSubstanceWithoutMolarMass_ReturnsFalse(string from, string to)
    {
        // Act
        var ok = UnitConversion.TryConvert(1m, from, to, null, out var result);

        // Assert
        Assert.False(ok);
        Assert.Equal(0m, result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1355)]
    public void TryConvert_NonPositiveMolarMass_ReturnsFalse(int molarMass)
    {
        // Act
        var ok = UnitConversion.TryConvert(1m, "pmol/L", "ng/L", molarMass, out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("g/L", "fL")]
    [InlineData("mg", "mL")]
    [InlineData("mg/dL", "mL/min/{1.73_m2}")]
    [InlineData("m[IU]/L", "ng/L")]
    [InlineData("10*9/L", "g/L")]
    [InlineData("%", "g/L")]
    [InlineData("d", "mg")]
    [InlineData("mg/dL", "mg")]
    [InlineData("mol/L", "mol2/L")]
    public void TryConvert_IncommensurableUnits_ReturnsFalse(string from, string to)
    {
        // Act
        var withoutMolarMass = UnitConversion.TryConvert(1m, from, to, null, out _);
        var withMolarMass = UnitConversion.TryConvert(1m, from, to, 100m, out _);

        // Assert
        Assert.False(withoutMolarMass);
        Assert.False(withMolarMass);
    }

    [Theory]
    [InlineData("banana", "mg")]
    [InlineData("mg", "banana")]
    [InlineData("mg//dL", "mg/dL")]
    [InlineData("", "mg")]
    public void TryConvert_UnknownUnit_ReturnsFalse(string from, string to)
    {
        // Act
        var ok = UnitConversion.TryConvert(1m, from, to, null, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void TryConvert_ResultTooLargeForDecimal_ReturnsFalse()
    {
        // Act
        var ok = UnitConversion.TryConvert(decimal.MaxValue, "kg", "mg", null, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void TryConvert_EquivalentsToMolesWithoutValence_ReturnsFalse()
    {
        // Act
        var ok = UnitConversion.TryConvert(4.2m, "mEq/L", "mmol/L", null, out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("4.2", "mEq/L", "mmol/L", 1, "4.2")] // potassium
    [InlineData("4.2", "mmol/L", "meq/L", 1, "4.2")]
    [InlineData("2.5", "mmol/L", "meq/L", 2, "5")] // calcium
    [InlineData("5", "meq/L", "mmol/L", 2, "2.5")]
    [InlineData("140", "meq/L", "mmol/L", 1, "140")] // sodium
    public void TryConvert_EquivalentsWithValence_ReturnsMoles(string value, string from, string to, int valence, string expected)
    {
        // Act
        var ok = UnitConversion.TryConvert(decimal.Parse(value, CultureInfo.InvariantCulture), from, to, null, valence, out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, result.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryConvert_MassToEquivalentsWithMolarMassAndValence_ReturnsEquivalents()
    {
        // Arrange: calcium 40.08 g/mol, divalent; 10 mg/dL = 2.495... mmol/L = 4.99 meq/L
        const decimal calcium = 40.08m;

        // Act
        var ok = UnitConversion.TryConvert(10m, "mg/dL", "meq/L", calcium, 2, out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(4.9900m, Math.Round(result, 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TryConvert_NonPositiveValence_ReturnsFalse(int valence)
    {
        // Act
        var ok = UnitConversion.TryConvert(4.2m, "meq/L", "mmol/L", null, valence, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void TryConvert_SameDimensionWithValence_IgnoresValence()
    {
        // Act
        var ok = UnitConversion.TryConvert(1m, "g/dL", "g/L", null, 2, out var result);

        // Assert
        Assert.True(ok);
        Assert.Equal(10m, result);
    }
}
