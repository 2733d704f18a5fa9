using System.Numerics;

namespace B12Cds.Facts.Units;

/// <summary>
/// An exact fraction of two integers, always in lowest terms with a positive denominator. Unit factors are kept in
/// this form so that a chain of multiplications and divisions (prefixes, exponents, <c>/</c>, molar masses) loses
/// nothing; the result is rounded to a <see cref="decimal"/> once, at the very end.
/// </summary>
internal readonly record struct Rational
{
    private static readonly BigInteger DecimalMantissaLimit = BigInteger.One << 96;
    private static readonly BigInteger MaxSmallDividend = DecimalQuotient.MaxDividend;
    private static readonly BigInteger MaxSmallDivisor = DecimalQuotient.MaxDivisor;

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Gets the numerator (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>Gets the denominator (always positive).</summary>
    public BigInteger Denominator { get; }

    /// <summary>Gets the fraction 1.</summary>
    public static Rational One { get; } = new(BigInteger.One, BigInteger.One);

    /// <summary>Gets a value indicating whether the fraction is zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>Creates a fraction in lowest terms; the denominator must not be zero.</summary>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction cannot have a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return divisor.IsOne || divisor.IsZero
            ? new Rational(numerator, denominator)
            : new Rational(numerator / divisor, denominator / divisor);
    }

    /// <summary>Creates an integer fraction.</summary>
    public static Rational FromInteger(BigInteger value) => new(value, BigInteger.One);

    /// <summary>Creates the exact fraction equal to a decimal.</summary>
    public static Rational FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        _ = decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        if (value < 0)
        {
            mantissa = -mantissa;
        }

        return Create(mantissa, BigInteger.Pow(10, value.Scale));
    }

    /// <summary>Multiplies two fractions.</summary>
    public Rational Multiply(Rational other) => Create(Numerator * other.Numerator, Denominator * other.Denominator);

    /// <summary>Divides by a non-zero fraction.</summary>
    public Rational Divide(Rational other) => Create(Numerator * other.Denominator, Denominator * other.Numerator);

    /// <summary>Raises the fraction to an integer power (a negative power inverts it; zero must not be inverted).</summary>
    public Rational Power(int exponent)
    {
        if (exponent >= 0)
        {
            return new Rational(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
        }

        return Create(BigInteger.Pow(Denominator, -exponent), BigInteger.Pow(Numerator, -exponent));
    }

    /// <summary>
    /// Rounds the fraction to the nearest <see cref="decimal"/> (as many significant digits as a decimal can hold, up to
    /// 28 decimal places, halves away from zero), without trailing zeros. Fails when the value is too large for a decimal,
    /// or when a non-zero value would round to zero.
    /// </summary>
    /// <remarks>
    /// Fractions whose parts are small enough are rounded with 128-bit integer arithmetic by <see cref="DecimalQuotient"/>;
    /// the others by <see cref="TryToDecimalExact"/>. Both give the same decimal, digit for digit and scale for scale.
    /// </remarks>
    public bool TryToDecimal(out decimal value)
    {
        if (Numerator.IsZero)
        {
            value = 0m;
            return true;
        }

        var negative = Numerator.Sign < 0;
        var magnitude = negative ? -Numerator : Numerator;
        if (magnitude <= MaxSmallDividend && Denominator <= MaxSmallDivisor)
        {
            return DecimalQuotient.TryRound((UInt128)magnitude, (UInt128)Denominator, negative, out value);
        }

        return TryToDecimalExact(out value);
    }

    /// <summary>
    /// Rounds as <see cref="TryToDecimal"/> does, with <see cref="BigInteger"/> arithmetic whatever the size of the
    /// fraction: the definition the faster paths are tested against.
    /// </summary>
    internal bool TryToDecimalExact(out decimal value)
    {
        value = 0m;
        if (Numerator.IsZero)
        {
            return true;
        }

        var magnitude = BigInteger.Abs(Numerator);
        BigInteger mantissa = default;
        var scale = 28;
        for (; scale >= 0; scale--)
        {
            mantissa = RoundedQuotient(magnitude * BigInteger.Pow(10, scale), Denominator);
            if (mantissa < DecimalMantissaLimit)
            {
                break;
            }
        }

        if (scale < 0 || mantissa.IsZero)
        {
            return false;
        }

        while (scale > 0 && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            scale--;
        }

        var low = (int)(uint)(mantissa & uint.MaxValue);
        var middle = (int)(uint)((mantissa >> 32) & uint.MaxValue);
        var high = (int)(uint)(mantissa >> 64);
        value = new decimal(low, middle, high, Numerator.Sign < 0, (byte)scale);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";

    private static BigInteger RoundedQuotient(BigInteger dividend, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }
}
