using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

public sealed class UnitConversionNormalizeTests
{
    [Theory]
    [InlineData("ug", "ug")]
    [InlineData("mcg", "ug")]
    [InlineData("MCG", "ug")]
    [InlineData("\u00B5g", "ug")] // micro sign
    [InlineData("\u03BCg", "ug")] // Greek small letter mu
    [InlineData("microgram", "ug")]
    [InlineData("micrograms", "ug")]
    [InlineData("mg", "mg")]
    [InlineData("g", "g")]
    [InlineData("gm", "g")]
    [InlineData("pg/ml", "pg/mL")]
    [InlineData("pg/mL", "pg/mL")]
    [InlineData("ng/ml", "ng/mL")]
    [InlineData("ng/l", "ng/L")]
    [InlineData("g/dl", "g/dL")]
    [InlineData("G/DL", "g/dL")]
    [InlineData("MG/DL", "mg/dL")]
    [InlineData("fl", "fL")]
    [InlineData("FL", "fL")]
    [InlineData("um3", "um3")]
    [InlineData("\u00B5m\u00B3", "um3")]
    [InlineData("umol/l", "umol/L")]
    [InlineData("\u00B5mol/L", "umol/L")]
    [InlineData("\u03BCmol/L", "umol/L")]
    [InlineData("UMOL/L", "umol/L")]
    [InlineData("nmol/l", "nmol/L")]
    [InlineData("pmol/l", "pmol/L")]
    [InlineData("mmol/l", "mmol/L")]
    [InlineData("ug/l", "ug/L")]
    [InlineData("mIU/L", "m[IU]/L")]
    [InlineData("MIU/L", "m[IU]/L")]
    [InlineData("miu/l", "m[IU]/L")]
    [InlineData("m[IU]/L", "m[IU]/L")]
    [InlineData("uIU/mL", "u[IU]/mL")]
    [InlineData("\u00B5IU/mL", "u[IU]/mL")]
    [InlineData("u[IU]/mL", "u[IU]/mL")]
    [InlineData("IU/L", "[IU]/L")]
    [InlineData("[iU]/L", "[IU]/L")]
    [InlineData("10*9/L", "10*9/L")]
    [InlineData("10^9/L", "10*9/L")]
    [InlineData("x10^9/L", "10*9/L")]
    [InlineData("x10E9/L", "10*9/L")]
    [InlineData("X10e9/l", "10*9/L")]
    [InlineData("\u00D710\u2079/L", "10*9/L")] // ×10⁹/L
    [InlineData("10\u2079/L", "10*9/L")] // 10⁹/L
    [InlineData("10**9/L", "10*9/L")]
    [InlineData("10*-3.g", "10*-3.g")]
    [InlineData("10*12/L", "10*12/L")]
    [InlineData("10^12/L", "10*12/L")]
    [InlineData("K/uL", "10*3/uL")]
    [InlineData("K/\u00B5L", "10*3/uL")]
    [InlineData("k/ul", "10*3/uL")]
    [InlineData("thou/uL", "10*3/uL")]
    [InlineData("M/uL", "10*6/uL")]
    [InlineData("/nL", "/nL")]
    [InlineData("cells/uL", "{cells}/uL")]
    [InlineData("10*9{cells}/L", "10*9{cells}/L")]
    [InlineData("%", "%")]
    [InlineData("percent", "%")]
    [InlineData("L/L", "L/L")]
    [InlineData("l/l", "L/L")]
    [InlineData("{ratio}", "{ratio}")]
    [InlineData("mEq/L", "meq/L")]
    [InlineData("MEQ/L", "meq/L")]
    [InlineData("mmol/mol", "mmol/mol")]
    [InlineData("  mg  ", "mg")]
    [InlineData("mg / dL", "mg/dL")]
    [InlineData("kg.m-2", "kg.m-2")]
    [InlineData("kg/m^2", "kg/m2")]
    [InlineData("kg/m\u00B2", "kg/m2")]
    [InlineData("IU", "[IU]")]
    [InlineData("s-1", "s-1")]
    [InlineData("mL.s\u207B\u00B9", "mL.s-1")] // mL·s⁻¹ written with superscripts
    [InlineData("(mL/min)/{1.73_m2}", "(mL/min)/{1.73_m2}")]
    [InlineData("Mg", "Mg")] // valid UCUM (megagram) is taken literally
    [InlineData("mU/L", "mU/L")] // valid UCUM (enzyme units) is taken literally
    public void TryNormalize_MessySpelling_ReturnsUcumCode(string unit, string expected)
    {
        // Act
        var ok = UnitConversion.TryNormalize(unit, out var ucum);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, ucum);
    }

    [Theory]
    [InlineData("mL/min/{1.73_m2}")]
    [InlineData("mL/min/1.73m2")]
    [InlineData("mL/min/1.73 m2")]
    [InlineData("ml/min/1.73m2")]
    [InlineData("mL/min/1.73m^2")]
    [InlineData("mL/min/1.73 m\u00B2")]
    [InlineData("ML/MIN/1.73M2")]
    [InlineData("mL/min/1.73_m2")]
    [InlineData("mL/min/{1.73 m2}")]
    [InlineData("mL/min/1.73 sq m")]
    public void TryNormalize_EgfrUnitVariant_ReturnsAnnotatedUcumCode(string unit)
    {
        // Act
        var ok = UnitConversion.TryNormalize(unit, out var ucum);

        // Assert
        Assert.True(ok);
        Assert.Equal("mL/min/{1.73_m2}", ucum);
    }

    [Theory]
    [InlineData("s", "s")]
    [InlineData("sec", "s")]
    [InlineData("min", "min")]
    [InlineData("mins", "min")]
    [InlineData("h", "h")]
    [InlineData("hr", "h")]
    [InlineData("hrs", "h")]
    [InlineData("hours", "h")]
    [InlineData("d", "d")]
    [InlineData("day", "d")]
    [InlineData("Days", "d")]
    [InlineData("wk", "wk")]
    [InlineData("weeks", "wk")]
    [InlineData("mo", "mo")]
    [InlineData("months", "mo")]
    [InlineData("a", "a")]
    [InlineData("yr", "a")]
    [InlineData("years", "a")]
    public void TryNormalize_DurationSpelling_ReturnsUcumCode(string unit, string expected)
    {
        // Act
        var ok = UnitConversion.TryNormalize(unit, out var ucum);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, ucum);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("banana")]
    [InlineData("mg//dL")]
    [InlineData("/")]
    [InlineData("mg/")]
    [InlineData("/mg/")]
    [InlineData(".mg")]
    [InlineData("mg dL")]
    [InlineData("mg-dL")]
    [InlineData("{unclosed")]
    [InlineData("[IU")]
    [InlineData("(mg")]
    [InlineData("mg)")]
    [InlineData("mg/0")]
    [InlineData("kh")] // a prefix on a non-metric atom (hour)
    [InlineData("m%")]
    [InlineData("1.5 mg")]
    [InlineData("mg{a b}")]
    [InlineData("cells2")]
    [InlineData("10*999")]
    public void TryNormalize_Garbage_ReturnsFalse(string? unit)
    {
        // Act
        var ok = UnitConversion.TryNormalize(unit, out var ucum);

        // Assert
        Assert.False(ok);
        Assert.Null(ucum);
    }
}
