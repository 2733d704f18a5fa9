using System.Globalization;
using System.Numerics;
using B12Cds.Facts.Terminology;
using B12Cds.Facts.Units;

namespace B12Cds.Facts.Tests.Units;

/// <summary>
/// The fast conversion paths (cached factors, 128-bit rounding, terminating-decimal multiplication) against the
/// definition: the factor worked out afresh and the product rounded with BigInteger arithmetic. Results must be the
/// same decimal bit for bit (value and scale), and fail in the same cases.
/// </summary>
public sealed class ExactRoundingEquivalenceTests
{
    private const int Seed = 20_261_121;

    /// <summary>Units seen in laboratory results, doses and durations, besides those the value sets list.</summary>
    private static readonly string[] CommonUnits =
    [
        "g/L", "g/dL", "mg/dL", "mg/L", "ug/L", "ng/L", "pg/mL", "ng/mL", "ug/dL", "mcg/L",
        "mol/L", "mmol/L", "umol/L", "nmol/L", "pmol/L", "meq/L", "eq/L", "mmol", "mg", "ug", "mcg", "g", "kg", "ng",
        "fL", "um3", "L/L", "%", "1", "{ratio}", "10*9/L", "10*3/uL", "10*12/L", "/nL", "K/uL",
        "mL/min/{1.73_m2}", "mL/min", "mL/s", "mL/min/1.73m2", "U/L", "kat/L", "ukat/L", "[IU]/L", "m[IU]/L", "u[IU]/mL", "mU/L", "IU/L",
        "s", "min", "h", "d", "wk", "mo", "a", "hrs", "days", "weeks", "months", "years", "mg/g", "mg/g{creat}", "mg/mmol",
    ];

    [Fact]
    public void TryToDecimal_RandomFractions_SameAsBigIntegerRounding()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 200_000; i++)
        {
            var numerator = RandomInteger(random, random.Next(1, 136));
            var denominator = RandomInteger(random, random.Next(1, 130));
            if (denominator.IsZero)
            {
                denominator = BigInteger.One;
            }

            if (random.Next(2) == 0)
            {
                numerator = -numerator;
            }

            AssertSameRounding(Rational.Create(numerator, denominator));
        }
    }

    [Fact]
    public void TryToDecimal_BoundaryFractions_SameAsBigIntegerRounding()
    {
        var limit = BigInteger.One << 96;
        var fractions = new List<Rational>();
        for (var scale = 0; scale <= 30; scale++)
        {
            var power = BigInteger.Pow(10, scale);
            foreach (var near in new[] { limit - 2, limit - 1, limit, limit + 1, (limit * 2) - 1, (limit * 2) + 1 })
            {
                // Quotients just around 2^96 / 10^scale, and halves that round up onto 2^96 itself.
                fractions.Add(Rational.Create(near, power));
                fractions.Add(Rational.Create(near * 10, power * 10 + 1));
                fractions.Add(Rational.Create((near * 2) - 1, power * 2));
                fractions.Add(Rational.Create((near * 2) + 1, power * 2));
                fractions.Add(Rational.Create(near * 3, power * 3 + 1));
            }

            // Smallest magnitudes: 10^-28 and halves of it (which round away from zero to it), and below.
            fractions.Add(Rational.Create(1, power));
            fractions.Add(Rational.Create(1, 2 * power));
            fractions.Add(Rational.Create(1, (2 * power) + 1));
            fractions.Add(Rational.Create(power - 1, power * power));
        }

        foreach (var fraction in fractions)
        {
            AssertSameRounding(fraction);
            AssertSameRounding(Rational.Create(-fraction.Numerator, fraction.Denominator));
        }
    }

    [Fact]
    public void TryConvert_EveryPairOfValueSetUnits_SameAsExactConversion()
    {
        var catalog = TerminologyLoader.LoadDirectory(RepoPaths.ValueSets).Catalog;
        Assert.NotNull(catalog);
        var units = new SortedSet<string>(CommonUnits, StringComparer.Ordinal);
        var conversions = new HashSet<(decimal? MolarMass, int? Valence)> { (null, null) };
        foreach (var analyte in catalog.Analytes.Values)
        {
            if (analyte.CanonicalUnit is { } canonical)
            {
                units.Add(canonical);
            }

            units.UnionWith(analyte.AcceptedUnits);
            units.UnionWith(analyte.UnitAliases.Keys);
            units.UnionWith(analyte.UnitAliases.Values);
            conversions.Add((analyte.MolarMass, analyte.Valence));
            conversions.Add((analyte.MolarMass, null));
        }

        var values = SampleValues(new Random(Seed), 150);
        var pairs = 0;
        var convertible = 0;
        foreach (var (molarMass, valence) in conversions)
        {
            foreach (var from in units)
            {
                foreach (var to in units)
                {
                    pairs++;
                    var any = false;
                    var commensurableExact = UnitConversion.TryConvertExact(1m, from, to, molarMass, valence, out _);
                    foreach (var value in commensurableExact ? values : values[..4])
                    {
                        var expectedOk = UnitConversion.TryConvertExact(value, from, to, molarMass, valence, out var expected);
                        var ok = valence is { } v
                            ? UnitConversion.TryConvert(value, from, to, molarMass, v, out var actual)
                            : UnitConversion.TryConvert(value, from, to, molarMass, out actual);
                        AssertSame(expectedOk, expected, ok, actual, $"{value} {from} -> {to} (molar mass {molarMass}, valence {valence})");
                        any |= ok;
                    }

                    convertible += any ? 1 : 0;
                    var commensurable = valence is { } charge
                        ? UnitConversion.AreCommensurable(from, to, molarMass, charge)
                        : UnitConversion.AreCommensurable(from, to, molarMass);
                    Assert.Equal(commensurableExact, commensurable);
                }
            }
        }

        // The loops did cover conversions, not only refusals.
        Assert.True(convertible > 500, $"{convertible} of {pairs} pairs converted");
    }

    [Fact]
    public void TryToDays_EveryTimeUnit_SameAsExactConversion()
    {
        string[] units = ["s", "min", "h", "d", "wk", "mo", "a", "a_j", "a_g", "mo_s", "mo_g", "hrs", "hr", "days", "weeks", "months", "years", "ms", "us", "mg", "mL", "banana"];
        var secondsPerDay = Rational.FromInteger(86_400);
        var time = new UnitDimension(0, 0, 0, 1, 0, 0);
        foreach (var unit in units)
        {
            foreach (var value in SampleValues(new Random(Seed), 2_000))
            {
                var expectedOk = UnitConversion.TryParse(unit, out var parsed) && parsed.Dimension == time;
                var expected = 0m;
                if (expectedOk)
                {
                    var exact = UcumParser.Parse(unit)!.ExactFactor;
                    expectedOk = Rational.FromDecimal(value).Multiply(exact).Divide(secondsPerDay).TryToDecimalExact(out expected);
                }

                var ok = UnitConversion.TryToDays(value, unit, out var actual);
                AssertSame(expectedOk, expected, ok, actual, $"{value} {unit}");
            }
        }
    }

    [Fact]
    public void TryConvert_TerminatingFactors_ExactProductsKeepNoTrailingZeros()
    {
        // Arrange, act
        var ok1 = UnitConversion.TryConvert(1.500m, "mg", "ug", null, out var micrograms);
        var ok2 = UnitConversion.TryConvert(12.50m, "g/dL", "g/L", null, out var gramsPerLitre);
        var ok3 = UnitConversion.TryConvert(120.0m, "pmol/L", "pmol/L", null, out var same);

        // Assert
        Assert.True(ok1 && ok2 && ok3);
        Assert.Equal("1500", micrograms.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("125", gramsPerLitre.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("120", same.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Values of every shape: laboratory-like numbers with a few decimals, trailing zeros, mantissas of every size up
    /// to 96 bits at every scale, both signs, and the extremes.
    /// </summary>
    private static List<decimal> SampleValues(Random random, int count)
    {
        var values = new List<decimal>
        {
            0m, -0m, 0.000m, 1m, -1m, 1.0m, 120m, 162.6m, 150.00m, 0.45m, 12.5m, 8m, 88.4m, 1355m,
            0.0000000000000000000000000001m, -0.0000000000000000000000000001m, decimal.MaxValue, decimal.MinValue,
            79228162514264337593543950.335m, 7.9228162514264337593543950335m, 0.5m, 0.05m, 5e-27m, 4.99999999999999999999999999m,
        };
        for (var i = 0; i < count; i++)
        {
            var value = random.Next(3) switch
            {
                0 => decimal.Round((decimal)(random.NextDouble() * Math.Pow(10, random.Next(-2, 6))), random.Next(0, 5)),
                1 => new decimal((int)random.NextInt64(int.MinValue, int.MaxValue + 1L), random.Next(2) == 0 ? 0 : random.Next(), 0, false, (byte)random.Next(0, 29)),
                _ => RandomDecimal(random),
            };
            values.Add(random.Next(4) == 0 ? -value : value);
        }

        return values;
    }

    private static decimal RandomDecimal(Random random)
    {
        var bits = random.Next(1, 97);
        var mantissa = RandomInteger(random, bits);
        var low = (int)(uint)(mantissa & uint.MaxValue);
        var middle = (int)(uint)((mantissa >> 32) & uint.MaxValue);
        var high = (int)(uint)(mantissa >> 64);
        return new decimal(low, middle, high, false, (byte)random.Next(0, 29));
    }

    private static BigInteger RandomInteger(Random random, int bits)
    {
        var bytes = new byte[(bits / 8) + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        var value = new BigInteger(bytes, isUnsigned: true);
        return value & ((BigInteger.One << bits) - 1);
    }

    private static void AssertSameRounding(Rational fraction)
    {
        var expectedOk = fraction.TryToDecimalExact(out var expected);
        var ok = fraction.TryToDecimal(out var actual);
        AssertSame(expectedOk, expected, ok, actual, fraction.ToString());
    }

    private static void AssertSame(bool expectedOk, decimal expected, bool ok, decimal actual, string what)
    {
        Assert.True(expectedOk == ok, $"{what}: expected {(expectedOk ? "success" : "failure")}, got {(ok ? "success" : "failure")}");
        if (ok)
        {
            // Same value and same scale: compare the bits, not decimal equality (which ignores trailing zeros).
            Assert.True(
                decimal.GetBits(expected).SequenceEqual(decimal.GetBits(actual)),
                $"{what}: expected {expected.ToString(CultureInfo.InvariantCulture)}, got {actual.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
