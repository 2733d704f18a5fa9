using System.Numerics;

namespace B12Cds.Facts.Units;

/// <summary>
/// The exact number of one unit in another (a positive fraction), worked out once per pair of units and applied to
/// many values. A value converts to the same decimal as <c>Rational.FromDecimal(value).Multiply(Exact).TryToDecimal</c>
/// gives, digit for digit: by one 128-bit multiplication when the factor is a terminating decimal and the product fits,
/// else by 128-bit division (<see cref="DecimalQuotient"/>) when the factor's parts are below 2^32, else by that exact
/// <see cref="Rational"/> arithmetic. Immutable, so one instance is shared by every thread.
/// </summary>
internal sealed class ConversionFactor
{
    private const ulong SmallLimit = 1UL << 32;
    private const int MaxScale = 28;

    private static readonly UInt128 MantissaLimit = UInt128.One << 96;

    /// <summary>Whether the numerator and denominator are both below 2^32 (so a value's mantissa times either fits 128 bits).</summary>
    private readonly bool _small;
    private readonly ulong _numerator;
    private readonly ulong _denominator;

    /// <summary>Whether the factor is a terminating decimal <c>_multiplier / 10^_exponent</c> with a multiplier below 2^32.</summary>
    private readonly bool _terminates;
    private readonly ulong _multiplier;
    private readonly int _exponent;

    /// <summary>Initializes a new instance of the <see cref="ConversionFactor"/> class.</summary>
    /// <param name="exact">The factor; positive.</param>
    public ConversionFactor(Rational exact)
    {
        Exact = exact;
        if (exact.Numerator.Sign <= 0 || exact.Numerator >= SmallLimit || exact.Denominator >= SmallLimit)
        {
            return;
        }

        _small = true;
        _numerator = (ulong)exact.Numerator;
        _denominator = (ulong)exact.Denominator;

        // A fraction in lowest terms terminates when its denominator is 2^a × 5^b; it is then
        // numerator × 2^(e-a) × 5^(e-b) / 10^e with e = max(a, b).
        var rest = _denominator;
        var twos = 0;
        var fives = 0;
        while (rest % 2 == 0)
        {
            rest /= 2;
            twos++;
        }

        while (rest % 5 == 0)
        {
            rest /= 5;
            fives++;
        }

        var exponent = Math.Max(twos, fives);
        if (rest != 1 || exponent > MaxScale)
        {
            return;
        }

        var multiplier = exact.Numerator * BigInteger.Pow(2, exponent - twos) * BigInteger.Pow(5, exponent - fives);
        if (multiplier < SmallLimit)
        {
            _terminates = true;
            _multiplier = (ulong)multiplier;
            _exponent = exponent;
        }
    }

    /// <summary>Gets the factor as an exact fraction.</summary>
    public Rational Exact { get; }

    /// <summary>Multiplies a value by the factor and rounds the product to a decimal, without trailing zeros.</summary>
    /// <returns>False when the product is too large for a decimal, or is not zero but would round to zero.</returns>
    public bool TryApply(decimal value, out decimal result)
    {
        if (_small)
        {
            Span<int> bits = stackalloc int[4];
            _ = decimal.GetBits(value, bits);
            var mantissa = ((UInt128)(uint)bits[2] << 64) | ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            if (mantissa == UInt128.Zero)
            {
                result = 0m;
                return true;
            }

            // The flags word holds the scale in bits 16-23 and the sign in bit 31 (a non-zero value is negative when it is set).
            var scale = (bits[3] >> 16) & 0xFF;
            var negative = bits[3] < 0;
            if (_terminates)
            {
                // value × factor = mantissa × multiplier / 10^(scale + exponent), exactly; when that fits a decimal, it is
                // the decimal the exact rounding gives (after the same removal of trailing zeros).
                var product = mantissa * _multiplier;
                var productScale = scale + _exponent;
                if (productScale <= MaxScale && product < MantissaLimit)
                {
                    result = DecimalQuotient.ToDecimal(product, productScale, negative);
                    return true;
                }
            }

            // value × factor = (mantissa × numerator) / (denominator × 10^scale); the divisor is below 2^32 × 10^28 < 2^126.
            var dividend = mantissa * _numerator;
            if (dividend <= DecimalQuotient.MaxDividend)
            {
                return DecimalQuotient.TryRound(dividend, _denominator * DecimalQuotient.PowerOfTen(scale), negative, out result);
            }
        }

        return Rational.FromDecimal(value).Multiply(Exact).TryToDecimal(out result);
    }
}
