using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace B12Cds.Facts.Units;

/// <summary>
/// Rewrites unit text as found in EHR data into UCUM syntax before it is parsed: micro signs, superscripts, powers of
/// ten written as <c>x10^9</c> or <c>10E9</c>, <c>K/uL</c>, caret exponents, the body-surface-area divisor of eGFR units,
/// and spaces around operators. What is left is parsed symbol by symbol by <see cref="UcumParser"/>.
/// </summary>
internal static partial class UnitText
{
    private const int MaxLength = 100;

    /// <summary>Cleans unit text; fails for null, blank or over-long text.</summary>
    public static bool TryClean(string? unit, [NotNullWhen(true)] out string? cleaned)
    {
        cleaned = null;
        if (string.IsNullOrWhiteSpace(unit) || unit.Length > MaxLength)
        {
            return false;
        }

        var text = ReplaceCharacters(unit.Trim());
        text = BodySurfaceArea().Replace(text, "/{1.73_m2}");
        text = PowerOfTen().Replace(text, "${before}10*${exponent}");
        text = Thousands().Replace(text, "10*3/");
        text = Millions().Replace(text, "10*6/");
        text = CaretExponent().Replace(text, "${exponent}");
        text = SpaceAroundOperator().Replace(text, "${operator}");
        cleaned = text;
        return text.Length > 0;
    }

    /// <summary>
    /// Replaces micro signs, the multiplication sign and the middle dot with their UCUM characters, and a run of
    /// superscript characters with a caret exponent (<c>10⁹</c> becomes <c>10^9</c>, <c>m²</c> becomes <c>m^2</c>).
    /// </summary>
    private static string ReplaceCharacters(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        var inSuperscript = false;
        foreach (var character in text)
        {
            var superscript = character switch
            {
                '\u2070' => '0',
                '\u00B9' => '1',
                '\u00B2' => '2',
                '\u00B3' => '3',
                >= '\u2074' and <= '\u2079' => (char)('4' + (character - '\u2074')),
                '\u207A' => '+',
                '\u207B' => '-',
                _ => '\0',
            };
            if (superscript != '\0')
            {
                builder.Append(inSuperscript ? string.Empty : "^").Append(superscript);
                inSuperscript = true;
                continue;
            }

            inSuperscript = false;
            builder.Append(character switch
            {
                '\u00B5' or '\u03BC' => 'u', // micro sign, Greek small letter mu
                '\u00D7' => 'x', // multiplication sign
                '\u00B7' or '\u22C5' => '.', // middle dot, dot operator
                '\u2212' => '-', // minus sign
                _ => character,
            });
        }

        return builder.ToString();
    }

    /// <summary>The eGFR divisor per 1.73 m² body surface area in any of its spellings: <c>/1.73m2</c>, <c>/1.73 m^2</c>, <c>/{1.73_m2}</c>.</summary>
    [GeneratedRegex(@"/\s*\{?\s*1\.73\s*_?\s*(?:m\s*(?:\^|\*\*?)?\s*2|sq\.?\s*m)\s*\}?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodySurfaceArea();

    /// <summary>A power of ten at the start of the text or after an operator: <c>10^9</c>, <c>x10^9</c>, <c>x10E9</c>, <c>10**9</c>, <c>10*9</c>.</summary>
    [GeneratedRegex(@"(?<before>^|[/.(])\s*(?:[xX]\s*)?10\s*(?:\^|\*\*?|[eE])\s*(?<exponent>[+-]?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PowerOfTen();

    /// <summary>Thousands per volume: <c>K/uL</c>, <c>k/uL</c>, <c>thou/uL</c>.</summary>
    [GeneratedRegex(@"^(?:[Kk]|(?i:thou|thousand))\s*/", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();

    /// <summary>Millions per volume: <c>M/uL</c>, <c>mill/uL</c>, <c>million/uL</c>.</summary>
    [GeneratedRegex(@"^(?:M|(?i:mil|mill|million))\s*/", RegexOptions.CultureInvariant)]
    private static partial Regex Millions();

    /// <summary>An exponent written with a caret after a unit symbol: <c>m^2</c>, <c>s^-1</c>.</summary>
    [GeneratedRegex(@"(?<=[A-Za-z\]])\^(?<exponent>[+-]?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CaretExponent();

    /// <summary>Spaces on either side of an operator or parenthesis.</summary>
    [GeneratedRegex(@"\s*(?<operator>[/.()])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceAroundOperator();
}
