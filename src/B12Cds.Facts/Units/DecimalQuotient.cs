namespace B12Cds.Facts.Units;

/// <summary>
/// Rounds a quotient of two positive integers to a <see cref="decimal"/> exactly as
/// <see cref="Rational.TryToDecimalExact"/> does, with 128-bit integers instead of <see cref="System.Numerics.BigInteger"/>:
/// the largest scale up to 28 whose rounded mantissa (halves away from zero) is below 2^96, then trailing zeros removed.
/// </summary>
/// <remarks>
/// Callers keep the dividend at most <see cref="MaxDividend"/> (so that it can be multiplied by 10^28) and the divisor at
/// most <see cref="MaxDivisor"/> (so that twice a remainder cannot overflow); larger fractions go the BigInteger way.
/// </remarks>
internal static class DecimalQuotient
{
    /// <summary>The largest dividend accepted: one that times 10^28 still fits 128 bits.</summary>
    public static readonly UInt128 MaxDividend;

    /// <summary>The largest divisor accepted: one whose double still fits 128 bits.</summary>
    public static readonly UInt128 MaxDivisor = UInt128.MaxValue >> 1;

    /// <summary>2^96, the first mantissa a decimal cannot hold.</summary>
    private static readonly UInt128 MantissaLimit = UInt128.One << 96;

    /// <summary>10^0 to 10^28.</summary>
    private static readonly UInt128[] PowersOfTen = new UInt128[29];

    /// <summary>2^96 × 10^j for j = 0..9 (2^96 × 10^10 does not fit 128 bits, and no 128-bit quotient reaches it).</summary>
    private static readonly UInt128[] LimitTimesPowerOfTen = new UInt128[10];

    static DecimalQuotient()
    {
        var power = UInt128.One;
        for (var i = 0; i < PowersOfTen.Length; i++)
        {
            PowersOfTen[i] = power;
            power *= 10;
        }

        for (var j = 0; j < LimitTimesPowerOfTen.Length; j++)
        {
            LimitTimesPowerOfTen[j] = MantissaLimit * PowersOfTen[j];
        }

        MaxDividend = UInt128.MaxValue / PowersOfTen[28];
    }

    /// <summary>Gets 10^<paramref name="exponent"/>, for an exponent from 0 to 28.</summary>
    public static UInt128 PowerOfTen(int exponent) => PowersOfTen[exponent];

    /// <summary>
    /// Rounds <paramref name="dividend"/> / <paramref name="divisor"/> to a decimal of the given sign. Fails when the
    /// quotient is too large for a decimal or when a non-zero quotient would round to zero.
    /// </summary>
    /// <param name="dividend">The dividend, at most <see cref="MaxDividend"/>.</param>
    /// <param name="divisor">The divisor, from 1 to <see cref="MaxDivisor"/>.</param>
    /// <param name="negative">Whether the result is negative.</param>
    /// <param name="value">The rounded quotient, without trailing zeros.</param>
    public static bool TryRound(UInt128 dividend, UInt128 divisor, bool negative, out decimal value)
    {
        value = 0m;
        if (dividend == UInt128.Zero)
        {
            return true;
        }

        // The quotient at scale 28, unrounded (q) and rounded (r). When r fits, 28 is the largest scale that does.
        var scaled = dividend * PowersOfTen[28];
        var quotient = UInt128.DivRem(scaled, divisor);
        var mantissa = Round(quotient.Quotient, quotient.Remainder, divisor);
        var scale = 28;
        if (mantissa >= MantissaLimit)
        {
            // The smallest j with q < 2^96 × 10^j: the unrounded quotient at scale 28 - j, which is q / 10^j rounded
            // down, is below 2^96, while at scale 29 - j it is not (nor, then, the rounded one). Rounding can carry the
            // quotient at scale 28 - j up to exactly 2^96, in which case the next scale down is the one.
            var j = 0;
            while (j < LimitTimesPowerOfTen.Length && quotient.Quotient >= LimitTimesPowerOfTen[j])
            {
                j++;
            }

            scale = Math.Min(28 - j, 27);
            mantissa = RoundedQuotient(dividend * PowersOfTen[scale], divisor);
            if (mantissa >= MantissaLimit)
            {
                scale--;
                mantissa = RoundedQuotient(dividend * PowersOfTen[scale], divisor);
            }
        }
        else if (mantissa == UInt128.Zero)
        {
            return false;
        }

        value = ToDecimal(mantissa, scale, negative);
        return true;
    }

    /// <summary>
    /// Builds the decimal with mantissa <paramref name="mantissa"/> (below 2^96) and scale <paramref name="scale"/>, after
    /// removing the mantissa's trailing zeros while the scale is above zero.
    /// </summary>
    public static decimal ToDecimal(UInt128 mantissa, int scale, bool negative)
    {
        while (scale > 0 && mantissa > ulong.MaxValue)
        {
            var (q, r) = UInt128.DivRem(mantissa, 10);
            if (r != UInt128.Zero)
            {
                break;
            }

            mantissa = q;
            scale--;
        }

        if (mantissa <= ulong.MaxValue)
        {
            var small = (ulong)mantissa;
            while (scale > 0 && small % 10 == 0 && small != 0)
            {
                small /= 10;
                scale--;
            }

            mantissa = small;
        }

        var low = (int)(uint)mantissa;
        var middle = (int)(uint)(mantissa >> 32);
        var high = (int)(uint)(mantissa >> 64);
        return new decimal(low, middle, high, negative, (byte)scale);
    }

    private static UInt128 RoundedQuotient(UInt128 dividend, UInt128 divisor)
    {
        var (quotient, remainder) = UInt128.DivRem(dividend, divisor);
        return Round(quotient, remainder, divisor);
    }

    private static UInt128 Round(UInt128 quotient, UInt128 remainder, UInt128 divisor) =>
        remainder * 2 >= divisor ? quotient + 1 : quotient;
}
