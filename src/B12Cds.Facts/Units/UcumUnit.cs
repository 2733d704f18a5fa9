namespace B12Cds.Facts.Units;

/// <summary>
/// A parsed UCUM unit in canonical form: the normalised code, the factor that turns one of this unit into the base
/// units of its dimension (g, mol, m, s, [IU], eq; so 1 L has factor 0.001 because its base is m³, and 1 mg/dL has
/// factor 10 because its base is g/m³), and the dimension.
/// </summary>
/// <param name="Code">The case-correct UCUM code, annotations included (for example <c>mL/min/{1.73_m2}</c>).</param>
/// <param name="Factor">
/// The factor to base units, rounded to the precision of a <see cref="decimal"/>; conversions are computed from the exact
/// fraction, not from this rounded value.
/// </param>
/// <param name="Dimension">The dimension (annotations do not change it).</param>
public sealed record UcumUnit(string Code, decimal Factor, UnitDimension Dimension);
