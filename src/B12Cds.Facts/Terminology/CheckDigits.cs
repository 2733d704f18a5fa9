namespace B12Cds.Facts.Terminology;

/// <summary>
/// Check-digit arithmetic for LOINC codes (mod 10 / Luhn over the part before the dash) and SNOMED CT identifiers
/// (Verhoeff over the whole identifier). A code that fails is not a code of that system, whatever a source says.
/// </summary>
public static class CheckDigits
{
    // Verhoeff dihedral-group multiplication table (d), permutation table (p).
    private static readonly byte[,] Multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
        { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
        { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
        { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
        { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
        { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
        { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>
    /// Computes the LOINC check digit of <paramref name="digits"/> (the part before the dash): from the right, every
    /// other digit starting with the rightmost is doubled (digit sum taken), all are added, and the check digit brings
    /// the total to a multiple of 10.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digits"/> is empty or not all ASCII digits.</exception>
    public static int ComputeLoinc(ReadOnlySpan<char> digits)
    {
        RequireDigits(digits, nameof(digits));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Gets a value indicating whether <paramref name="code"/> has the LOINC form (<c>14685-2</c>: digits, dash, one digit) and a correct check digit.</summary>
    public static bool IsValidLoinc(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash < 1 || dash != code.Length - 2 || !IsAllDigits(code.AsSpan(0, dash)) || !char.IsAsciiDigit(code[^1]))
        {
            return false;
        }

        return ComputeLoinc(code.AsSpan(0, dash)) == code[^1] - '0';
    }

    /// <summary>Computes the Verhoeff check digit to append to <paramref name="digits"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="digits"/> is empty or not all ASCII digits.</exception>
    public static int ComputeVerhoeff(ReadOnlySpan<char> digits)
    {
        RequireDigits(digits, nameof(digits));
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            c = Multiplication[c, Permutation[(i + 1) % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return Inverse[c];
    }

    /// <summary>Gets a value indicating whether <paramref name="digits"/> (including its last, check digit) passes the Verhoeff check.</summary>
    public static bool IsValidVerhoeff(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || !IsAllDigits(digits))
        {
            return false;
        }

        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            c = Multiplication[c, Permutation[i % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return c == 0;
    }

    /// <summary>
    /// Gets a value indicating whether <paramref name="id"/> is a well-formed SNOMED CT identifier: 6 to 18 digits, no
    /// leading zero, and a correct Verhoeff check digit. (Whether it names a concept is checked by the partition
    /// digits, see <see cref="IsSnomedConceptPartition"/>.)
    /// </summary>
    public static bool IsValidSnomedCtId(string? id) =>
        id is { Length: >= 6 and <= 18 } && id[0] != '0' && IsValidVerhoeff(id);

    /// <summary>Gets a value indicating whether the partition digits (second and third from the right) of a SNOMED CT id are those of a concept (<c>00</c> or <c>10</c>).</summary>
    public static bool IsSnomedConceptPartition(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length >= 3 && id[^2] == '0' && (id[^3] == '0' || id[^3] == '1');
    }

    private static void RequireDigits(ReadOnlySpan<char> digits, string name)
    {
        if (digits.IsEmpty || !IsAllDigits(digits))
        {
            throw new ArgumentException("Expected one or more ASCII digits.", name);
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
