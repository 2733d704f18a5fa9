using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class UnitConversionCommensurabilityTests
{
    [Theory]
    [InlineData("pg/mL", "ng/L")]
    [InlineData("umol/L", "nmol/L")]
    [InlineData("g/dL", "g/L")]
    [InlineData("fL", "um3")]
    [InlineData("K/uL", "10*9/L")]
    [InlineData("m[IU]/L", "u[IU]/mL")]
    [InlineData("mL/min/1.73m2", "mL/min/{1.73_m2}")]
    [InlineData("%", "L/L")]
    [InlineData("mo", "d")]
    public void AreCommensurable_SameDimension_ReturnsTrue(string from, string to)
    {
        // Act
        var result = UnitConversion.AreCommensurable(from, to, null);

        // Assert
        Assert.True(result);
    }

    [Theory]
    [InlineData("pmol/L", "ng/L")]
    [InlineData("nmol/L", "ug/L")]
    [InlineData("mmol/L", "g/dL")]
    [InlineData("umol/L", "mg/dL")]
    public void AreCommensurable_MassAndSubstanceWithMolarMass_ReturnsTrue(string from, string to)
    {
        // Act
        var withMolarMass = UnitConversion.AreCommensurable(from, to, 100m);
        var withoutMolarMass = UnitConversion.AreCommensurable(from, to, null);

        // Assert
        Assert.True(withMolarMass);
        Assert.False(withoutMolarMass);
    }

    [Theory]
    [InlineData("g/L", "fL")]
    [InlineData("mg", "mL")]
    [InlineData("m[IU]/L", "mg/L")]
    [InlineData("banana", "mg")]
    [InlineData("mg", "")]
    public void AreCommensurable_IncommensurableOrUnknown_ReturnsFalse(string from, string to)
    {
        // Act
        var result = UnitConversion.AreCommensurable(from, to, 100m);

        // Assert
        Assert.False(result);
    }

    [Fact]
    public void AreCommensurable_EquivalentsAndMoles_NeedValence()
    {
        // Act
        var withoutValence = UnitConversion.AreCommensurable("mEq/L", "mmol/L", null);
        var withValence = UnitConversion.AreCommensurable("mEq/L", "mmol/L", null, 1);
        var withZeroValence = UnitConversion.AreCommensurable("mEq/L", "mmol/L", null, 0);

        // Assert
        Assert.False(withoutValence);
        Assert.True(withValence);
        Assert.False(withZeroValence);
    }
}
