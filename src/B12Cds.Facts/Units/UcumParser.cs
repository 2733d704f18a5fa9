using System.Globalization;
using System.Text;

namespace B12Cds.Facts.Units;

/// <summary>A parsed unit together with the exact fraction behind its (rounded) decimal factor.</summary>
internal sealed record ParsedUnit(UcumUnit Unit, Rational ExactFactor);

/// <summary>
/// A recursive-descent parser for the UCUM grammar used in clinical data, writing the case-correct UCUM code as it
/// goes. Grammar (UCUM §2–§7): <c>main := '/' term | term</c>; <c>term := component (('.' | '/') component)*</c>, left
/// to right; <c>component := '(' term ')' | annotation | factor | unit exponent? annotation?</c>; <c>unit := prefix? atom
/// | '10*' | '10^'</c>; <c>exponent := ('+' | '-')? digits</c>; <c>annotation := '{' text '}'</c> (dimensionless).
/// </summary>
/// <remarks>
/// Symbols are matched case-sensitively first, as UCUM requires (<c>ml</c> is the millilitre because <c>l</c> is a
/// litre, and it is written back as <c>mL</c>); a symbol that is not UCUM is then looked up without regard to case in
/// <see cref="UcumAtoms.Spellings"/>. When the whole text is upper case (<c>MG/DL</c>, <c>ML</c>), case carries no
/// information, so the case-blind clinical reading is tried first: <c>ML</c> is a millilitre, not a megalitre.
/// </remarks>
internal sealed class UcumParser
{
    private const int MaxExponentDigits = 2;
    private const int MaxFactorDigits = 9;

    private readonly string _text;
    private readonly bool _isUpperCaseOnly;
    private readonly StringBuilder _code = new();
    private int _position;

    private UcumParser(string text)
    {
        _text = text;
        _isUpperCaseOnly = !HasLowerCaseOutsideAnnotations(text);
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    /// <summary>Cleans and parses unit text; null when it is not a unit this library understands.</summary>
    public static ParsedUnit? Parse(string? unit)
    {
        if (!UnitText.TryClean(unit, out var text))
        {
            return null;
        }

        return new UcumParser(text).ParseMain();
    }

    private ParsedUnit? ParseMain()
    {
        Term term;
        if (Current == '/')
        {
            Emit('/');
            if (!TryParseTerm(out var divisor))
            {
                return null;
            }

            term = Term.One.Divide(divisor);
        }
        else if (!TryParseTerm(out term))
        {
            return null;
        }

        if (_position != _text.Length || !term.Factor.TryToDecimal(out var factor))
        {
            return null;
        }

        return new ParsedUnit(new UcumUnit(_code.ToString(), factor, term.Dimension), term.Factor);
    }

    private bool TryParseTerm(out Term term)
    {
        if (!TryParseComponent(out term))
        {
            return false;
        }

        while (Current is '.' or '/')
        {
            var isDivision = Current == '/';
            Emit(Current);
            if (!TryParseComponent(out var next))
            {
                return false;
            }

            term = isDivision ? term.Divide(next) : term.Multiply(next);
        }

        return true;
    }

    private bool TryParseComponent(out Term term)
    {
        term = Term.One;
        var current = Current;
        if (current == '(')
        {
            Emit('(');
            if (!TryParseTerm(out term) || Current != ')')
            {
                return false;
            }

            Emit(')');
            return true;
        }

        if (current == '{')
        {
            return TryParseAnnotation();
        }

        if (char.IsAsciiDigit(current))
        {
            return TryParseNumber(out term);
        }

        if (IsSymbolCharacter(current))
        {
            return TryParseSymbol(out term);
        }

        return false;
    }

    /// <summary>A power of ten (<c>10*9</c>, <c>10^9</c>, <c>10*-3</c>) or a positive integer factor (<c>1000</c>).</summary>
    private bool TryParseNumber(out Term term)
    {
        term = Term.One;
        var start = _position;
        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        var digits = _text[start.._position];
        if (digits == "10" && Current is '*' or '^')
        {
            _position++;
            _code.Append("10*");
            var exponent = 1;
            if ((Current is '+' or '-' || char.IsAsciiDigit(Current)) && !TryParseExponent(out exponent))
            {
                return false;
            }

            term = new Term(Rational.FromInteger(10).Power(exponent), UnitDimension.Dimensionless);
            return Current != '{' || TryParseAnnotation();
        }

        if (digits.Length > MaxFactorDigits || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var factor) || factor == 0)
        {
            return false;
        }

        _code.Append(factor);
        term = new Term(Rational.FromInteger(factor), UnitDimension.Dimensionless);
        return true;
    }

    private bool TryParseSymbol(out Term term)
    {
        term = Term.One;
        var start = _position;
        while (IsSymbolCharacter(Current))
        {
            if (Current == '[')
            {
                var close = _text.IndexOf(']', _position);
                if (close < 0)
                {
                    return false;
                }

                _position = close + 1;
            }
            else
            {
                _position++;
            }
        }

        var symbol = _text[start.._position];
        if (!TryResolveSymbol(symbol, out var code, out var factor, out var dimension))
        {
            return false;
        }

        var hasExponent = Current is '+' or '-' || char.IsAsciiDigit(Current);
        if (code.StartsWith('{'))
        {
            // A word that stands for an annotation (cells -> {cells}): dimensionless, and it takes no exponent.
            _code.Append(code);
            return !hasExponent;
        }

        _code.Append(code);
        var exponent = 1;
        if (hasExponent && !TryParseExponent(out exponent))
        {
            return false;
        }

        term = new Term(factor.Power(exponent), dimension.Power(exponent));
        return Current != '{' || TryParseAnnotation();
    }

    private bool TryResolveSymbol(string symbol, out string code, out Rational factor, out UnitDimension dimension)
    {
        if (_isUpperCaseOnly)
        {
            return TryResolveSpelling(symbol, out code, out factor, out dimension)
                || UcumAtoms.TryResolve(symbol, out code, out factor, out dimension);
        }

        return UcumAtoms.TryResolve(symbol, out code, out factor, out dimension)
            || TryResolveSpelling(symbol, out code, out factor, out dimension);
    }

    private static bool TryResolveSpelling(string symbol, out string code, out Rational factor, out UnitDimension dimension)
    {
        if (UcumAtoms.Spellings.TryGetValue(symbol.ToLowerInvariant(), out var ucum))
        {
            if (ucum.StartsWith('{'))
            {
                (code, factor, dimension) = (ucum, Rational.One, UnitDimension.Dimensionless);
                return true;
            }

            return UcumAtoms.TryResolve(ucum, out code, out factor, out dimension);
        }

        (code, factor, dimension) = (string.Empty, Rational.One, UnitDimension.Dimensionless);
        return false;
    }

    private bool TryParseExponent(out int exponent)
    {
        exponent = 0;
        var negative = Current == '-';
        if (Current is '+' or '-')
        {
            _position++;
        }

        var start = _position;
        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        var length = _position - start;
        if (length is 0 or > MaxExponentDigits)
        {
            return false;
        }

        exponent = int.Parse(_text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
        exponent = negative ? -exponent : exponent;
        _code.Append(exponent);
        return true;
    }

    /// <summary>An annotation in braces: kept in the code, dimensionless, factor 1.</summary>
    private bool TryParseAnnotation()
    {
        var close = _text.IndexOf('}', _position);
        if (Current != '{' || close < 0)
        {
            return false;
        }

        for (var i = _position + 1; i < close; i++)
        {
            if (_text[i] is < '!' or > '~' or '{')
            {
                return false;
            }
        }

        _code.Append(_text, _position, close - _position + 1);
        _position = close + 1;
        return true;
    }

    private void Emit(char character)
    {
        _code.Append(character);
        _position++;
    }

    private static bool HasLowerCaseOutsideAnnotations(string text)
    {
        var depth = 0;
        foreach (var character in text)
        {
            depth += character switch
            {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if (depth <= 0 && char.IsAsciiLetterLower(character))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSymbolCharacter(char character) =>
        char.IsAsciiLetter(character) || character is '_' or '%' or '\'' or '[';

    /// <summary>The value of a (partial) term: its exact factor to base units and its dimension.</summary>
    private readonly record struct Term(Rational Factor, UnitDimension Dimension)
    {
        public static Term One => new(Rational.One, UnitDimension.Dimensionless);

        public Term Multiply(Term other) => new(Factor.Multiply(other.Factor), Dimension.Multiply(other.Dimension));

        public Term Divide(Term other) => new(Factor.Divide(other.Factor), Dimension.Divide(other.Dimension));
    }
}
