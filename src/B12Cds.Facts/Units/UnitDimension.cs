namespace B12Cds.Facts.Units;

/// <summary>
/// The dimension of a unit as a vector of exponents over the base quantities used here. Volume is
/// <c>Length³</c> (1 L = 0.001 m³); counts, percentages and annotations such as <c>{cells}</c> are dimensionless.
/// Two units can be converted by a plain factor exactly when their dimensions are equal.
/// </summary>
/// <param name="Mass">Exponent of mass (base unit g).</param>
/// <param name="Amount">Exponent of amount of substance (base unit mol).</param>
/// <param name="Length">Exponent of length (base unit m).</param>
/// <param name="Time">Exponent of time (base unit s).</param>
/// <param name="InternationalUnit">Exponent of the arbitrary international unit <c>[IU]</c> (its own base; never converted to mass).</param>
/// <param name="Equivalent">
/// Exponent of charge equivalents (<c>eq</c>). UCUM defines 1 eq as 1 mol, which is only true for a monovalent ion, so
/// equivalents are kept apart from moles and converted only when a valence is given.
/// </param>
public readonly record struct UnitDimension(int Mass, int Amount, int Length, int Time, int InternationalUnit, int Equivalent)
{
    /// <summary>Gets the dimension of a pure number (all exponents zero).</summary>
    public static UnitDimension Dimensionless => default;

    /// <summary>Gets a value indicating whether every exponent is zero.</summary>
    public bool IsDimensionless => this == default;

    /// <summary>Gets the dimension of a product of two quantities (exponents added).</summary>
    internal UnitDimension Multiply(UnitDimension other) => new(
        Mass + other.Mass,
        Amount + other.Amount,
        Length + other.Length,
        Time + other.Time,
        InternationalUnit + other.InternationalUnit,
        Equivalent + other.Equivalent);

    /// <summary>Gets the dimension of a quotient of two quantities (exponents subtracted).</summary>
    internal UnitDimension Divide(UnitDimension other) => Multiply(other.Power(-1));

    /// <summary>Gets the dimension of a quantity raised to an integer power (exponents multiplied).</summary>
    internal UnitDimension Power(int exponent) => new(
        Mass * exponent,
        Amount * exponent,
        Length * exponent,
        Time * exponent,
        InternationalUnit * exponent,
        Equivalent * exponent);
}
