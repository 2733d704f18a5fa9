using System.Globalization;

namespace B12Cds.Facts.Model;

/// <summary>A value with its UCUM unit, e.g. 133 pmol/L.</summary>
/// <param name="Value">The number, with the precision it was reported with.</param>
/// <param name="Unit">The UCUM code of the unit.</param>
public readonly record struct Measurement(decimal Value, string Unit)
{
    /// <summary>Formats for people: at most four decimals (a converted 121.77121… pmol/L shows as 121.7712 pmol/L); the value itself is kept exact.</summary>
    public override string ToString() => $"{Value.ToString("0.####", CultureInfo.InvariantCulture)} {Unit}";
}
