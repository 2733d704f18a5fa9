using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace B12Cds.Facts.Units;

/// <summary>
/// Exact UCUM unit handling for laboratory results, doses and durations: normalising the unit text found in EHR
/// data, parsing it, and converting values between commensurable units with exact decimal arithmetic.
/// </summary>
/// <remarks>
/// <para>
/// Factors are held as exact fractions and the result is rounded to a <see cref="decimal"/> only once, so conversions
/// by powers of ten and by terminating molar masses are exact (150 pmol/L of cobalamin at 1355 g/mol is 203.25 ng/L),
/// and the others carry the full precision of a decimal. Results are never rounded for display here; trailing zeros
/// are removed.
/// </para>
/// <para>
/// Annotations in braces (<c>{cells}</c>, <c>{1.73_m2}</c>) are dimensionless, as UCUM defines them: they are kept in the
/// code but do not take part in conversion, so <c>mL/min/{1.73_m2}</c> converts to and from <c>mL/min</c>. Callers that
/// must tell indexed from non-indexed eGFR compare <see cref="UcumUnit.Code"/>.
/// </para>
/// <para>
/// Equivalents (<c>meq</c>) are not moles: UCUM defines 1 eq as 1 mol, which is true only for a monovalent ion, so
/// <c>meq/L</c> and <c>mmol/L</c> convert only through the overloads that take the ion's valence (1 for potassium and
/// sodium, 2 for calcium and magnesium).
/// </para>
/// <para>
/// <c>U</c> is the UCUM enzyme unit (1 µmol/min); TSH reported as <c>mU/L</c> must be aliased to <c>m[IU]/L</c> by
/// the caller. Parsed units are cached; every member is thread-safe.
/// </para>
/// </remarks>
public static class UnitConversion
{
    private const int MaxCachedUnits = 4_096;

    private const int MaxCachedFactors = 4_096;

    /// <summary>The UCUM code of the day, the unit <see cref="TryToDays"/> converts to.</summary>
    private const string Day = "d";

    private static readonly ConcurrentDictionary<string, ParsedUnit?> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The factor of each pair of units converted so far (null when they do not convert), per molar mass and valence:
    /// a conversion is otherwise two unit lookups and several BigInteger multiplications and divisions.
    /// </summary>
    private static readonly ConcurrentDictionary<FactorKey, ConversionFactor?> Factors = new();
    private static int _cachedFactors;

    /// <summary>
    /// Normalises a unit as found in EHR data to its case-correct UCUM code: trims it, and maps common non-UCUM
    /// spellings (<c>mcg</c>, <c>µg</c>, <c>pg/ml</c>, <c>g/dl</c>, <c>fl</c>, <c>umol/l</c>, <c>mIU/L</c>, <c>IU/L</c>,
    /// <c>x10^9/L</c>, <c>K/uL</c>, <c>mL/min/1.73m2</c>, <c>mEq/L</c>, <c>hrs</c>, ...) to UCUM (<c>ug</c>, <c>pg/mL</c>,
    /// <c>g/dL</c>, <c>fL</c>, <c>umol/L</c>, <c>m[IU]/L</c>, <c>[IU]/L</c>, <c>10*9/L</c>, <c>10*3/uL</c>,
    /// <c>mL/min/{1.73_m2}</c>, <c>meq/L</c>, <c>h</c>, ...).
    /// </summary>
    /// <returns>False for text that is not a unit this library can parse (null, blank, <c>banana</c>, <c>mg//dL</c>).</returns>
    public static bool TryNormalize(string? unit, [NotNullWhen(true)] out string? ucum)
    {
        ucum = Lookup(unit)?.Unit.Code;
        return ucum is not null;
    }

    /// <summary>Parses a unit (after normalising it) into its canonical form: a factor to base units and a dimension.</summary>
    public static bool TryParse(string? unit, [NotNullWhen(true)] out UcumUnit? parsed)
    {
        parsed = Lookup(unit)?.Unit;
        return parsed is not null;
    }

    /// <summary>
    /// Converts a value from one unit to another. Units of the same dimension convert by their factors; a mass
    /// concentration and a substance concentration (or a mass and an amount) convert only when a molar mass is given.
    /// Equivalents never convert to moles here (use the overload that takes a valence).
    /// </summary>
    /// <param name="value">The value in <paramref name="fromUnit"/>.</param>
    /// <param name="fromUnit">The unit of the value (UCUM or a common EHR spelling).</param>
    /// <param name="toUnit">The unit wanted.</param>
    /// <param name="molarMassGramsPerMole">The analyte's molar mass in g/mol, or null when it has none or it is not known.</param>
    /// <param name="result">The converted value, unrounded, without trailing zeros.</param>
    /// <returns>False when either unit is unknown, the units are incommensurable, or the result does not fit a decimal.</returns>
    public static bool TryConvert(decimal value, string fromUnit, string toUnit, decimal? molarMassGramsPerMole, out decimal result) =>
        TryConvertCore(value, fromUnit, toUnit, molarMassGramsPerMole, valence: null, out result);

    /// <summary>
    /// Converts a value from one unit to another as <see cref="TryConvert(decimal, string, string, decimal?, out decimal)"/>
    /// does, and also between equivalents and moles using the ion's valence (1 mmol of K⁺ is 1 meq; 1 mmol of Ca²⁺ is 2 meq).
    /// </summary>
    /// <param name="value">The value in <paramref name="fromUnit"/>.</param>
    /// <param name="fromUnit">The unit of the value.</param>
    /// <param name="toUnit">The unit wanted.</param>
    /// <param name="molarMassGramsPerMole">The analyte's molar mass in g/mol, or null.</param>
    /// <param name="valence">The absolute charge of the ion (at least 1).</param>
    /// <param name="result">The converted value, unrounded, without trailing zeros.</param>
    /// <returns>False when the units are unknown or incommensurable, or the valence is not positive.</returns>
    public static bool TryConvert(decimal value, string fromUnit, string toUnit, decimal? molarMassGramsPerMole, int valence, out decimal result)
    {
        result = 0m;
        return valence > 0 && TryConvertCore(value, fromUnit, toUnit, molarMassGramsPerMole, valence, out result);
    }

    /// <summary>True when <see cref="TryConvert(decimal, string, string, decimal?, out decimal)"/> would succeed for some value.</summary>
    public static bool AreCommensurable(string fromUnit, string toUnit, decimal? molarMassGramsPerMole) =>
        Factor(fromUnit, toUnit, molarMassGramsPerMole, valence: null) is not null;

    /// <summary>True when <see cref="TryConvert(decimal, string, string, decimal?, int, out decimal)"/> would succeed for some value.</summary>
    public static bool AreCommensurable(string fromUnit, string toUnit, decimal? molarMassGramsPerMole, int valence) =>
        valence > 0 && Factor(fromUnit, toUnit, molarMassGramsPerMole, valence) is not null;

    /// <summary>
    /// Converts a duration to days. Accepts any UCUM time unit, including the FHIR <c>Timing</c> period units
    /// (<c>s</c>, <c>min</c>, <c>h</c>, <c>d</c>, <c>wk</c>, <c>mo</c>, <c>a</c>); a month is 1/12 of a Julian year
    /// (30.4375 d) and a year is a Julian year (365.25 d), as UCUM defines them.
    /// </summary>
    /// <returns>False when the unit is unknown or is not a time.</returns>
    public static bool TryToDays(decimal value, string unit, out decimal days)
    {
        // Without a molar mass or valence, a unit converts to days exactly when its dimension is time, and by its factor
        // to seconds divided by 86 400.
        days = 0m;
        return Factor(unit, Day, molarMass: null, valence: null) is { } factor && factor.TryApply(value, out days);
    }

    /// <summary>
    /// Gets the factor <see cref="TryConvert(decimal, string, string, decimal?, out decimal)"/> (or, with a valence, the
    /// overload that takes one) multiplies by, for a caller converting many values between the same units: applying it
    /// with <see cref="ConversionFactor.TryApply"/> gives the same result. Null when the units do not convert, or the
    /// valence is not positive.
    /// </summary>
    internal static ConversionFactor? FactorBetween(string fromUnit, string toUnit, decimal? molarMassGramsPerMole, int? valence) =>
        valence is <= 0 ? null : Factor(fromUnit, toUnit, molarMassGramsPerMole, valence);

    /// <summary>Gets the factor <see cref="TryToDays"/> multiplies by, as <see cref="FactorBetween"/> does; null when the unit is not a time.</summary>
    internal static ConversionFactor? FactorToDays(string unit) => Factor(unit, Day, molarMass: null, valence: null);

    private static bool TryConvertCore(decimal value, string fromUnit, string toUnit, decimal? molarMass, int? valence, out decimal result)
    {
        result = 0m;
        return Factor(fromUnit, toUnit, molarMass, valence) is { } factor && factor.TryApply(value, out result);
    }

    /// <summary>
    /// Converts as <see cref="TryConvert(decimal, string, string, decimal?, out decimal)"/> does (with a valence when one
    /// is given), working the factor out afresh and rounding with BigInteger arithmetic throughout: the definition the
    /// cached factors and the 128-bit rounding are tested against.
    /// </summary>
    internal static bool TryConvertExact(decimal value, string fromUnit, string toUnit, decimal? molarMass, int? valence, out decimal result)
    {
        result = 0m;
        return (valence is null || valence > 0)
            && Lookup(fromUnit) is { } from
            && Lookup(toUnit) is { } to
            && TryGetRatio(from, to, molarMass, valence, out var ratio)
            && Rational.FromDecimal(value).Multiply(ratio).TryToDecimalExact(out result);
    }

    /// <summary>Gets the factor from one unit to the other, from the cache or worked out (and cached while there is room); null when they do not convert.</summary>
    private static ConversionFactor? Factor(string? fromUnit, string? toUnit, decimal? molarMass, int? valence)
    {
        if (fromUnit is null || toUnit is null)
        {
            return null;
        }

        var key = new FactorKey(fromUnit, toUnit, molarMass, valence);
        if (Factors.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var factor = Lookup(fromUnit) is { } from && Lookup(toUnit) is { } to && TryGetRatio(from, to, molarMass, valence, out var ratio)
            ? new ConversionFactor(ratio)
            : null;
        if (Volatile.Read(ref _cachedFactors) < MaxCachedFactors && Factors.TryAdd(key, factor))
        {
            Interlocked.Increment(ref _cachedFactors);
        }

        return factor;
    }

    /// <summary>
    /// The exact number of <paramref name="to"/> units in one <paramref name="from"/> unit. Beyond equal dimensions, at
    /// most one mass is turned into an amount (divided by the molar mass) or back, and at most one amount into
    /// equivalents (multiplied by the valence) or back; every other exponent must already match.
    /// </summary>
    private static bool TryGetRatio(ParsedUnit from, ParsedUnit to, decimal? molarMass, int? valence, out Rational ratio)
    {
        ratio = from.ExactFactor.Divide(to.ExactFactor);
        var source = from.Unit.Dimension;
        var target = to.Unit.Dimension;
        if (source == target)
        {
            return true;
        }

        if (source.Length != target.Length || source.Time != target.Time || source.InternationalUnit != target.InternationalUnit)
        {
            return false;
        }

        // Mass moves into amount (massToAmount = +1: divide by g/mol) and amount into equivalents
        // (amountToEquivalent = +1: multiply by eq/mol); the amount exponent must balance the two moves.
        var massToAmount = source.Mass - target.Mass;
        var amountToEquivalent = target.Equivalent - source.Equivalent;
        if (Math.Abs(massToAmount) > 1
            || Math.Abs(amountToEquivalent) > 1
            || target.Amount - source.Amount != massToAmount - amountToEquivalent)
        {
            return false;
        }

        if (massToAmount != 0)
        {
            if (molarMass is not { } grams || grams <= 0m)
            {
                return false;
            }

            ratio = ratio.Multiply(Rational.FromDecimal(grams).Power(-massToAmount));
        }

        if (amountToEquivalent != 0)
        {
            if (valence is not { } charge || charge <= 0)
            {
                return false;
            }

            ratio = ratio.Multiply(Rational.FromInteger(charge).Power(amountToEquivalent));
        }

        return true;
    }

    private static ParsedUnit? Lookup(string? unit)
    {
        if (unit is null)
        {
            return null;
        }

        if (Cache.TryGetValue(unit, out var cached))
        {
            return cached;
        }

        var parsed = UcumParser.Parse(unit);
        if (Cache.Count < MaxCachedUnits)
        {
            Cache.TryAdd(unit, parsed);
        }

        return parsed;
    }

    /// <summary>A conversion: the units as the caller wrote them, and the analyte's molar mass and valence.</summary>
    private readonly record struct FactorKey(string From, string To, decimal? MolarMass, int? Valence);
}
