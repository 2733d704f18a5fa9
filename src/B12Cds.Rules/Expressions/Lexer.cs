namespace B12Cds.Rules.Expressions;

/// <summary>
/// Splits a rule expression into tokens. A number may carry a unit written after it (<c>133 pmol/L</c>,
/// <c>10 g/L</c>, <c>8 weeks</c>, <c>0.45 umol/L</c>): the unit runs to the next space, comma or bracket.
/// </summary>
internal static class Lexer
{
    private static readonly string[] Symbols = ["<=", ">=", "!=", "<", ">", "=", "+", "-", "(", ")", "[", "]", ",", "."];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                var number = text[start..i];
                var unitStart = i;
                while (unitStart < text.Length && text[unitStart] == ' ')
                {
                    unitStart++;
                }

                string? unit = null;
                if (unitStart < text.Length && StartsUnit(text, unitStart))
                {
                    var unitEnd = unitStart;
                    while (unitEnd < text.Length && !char.IsWhiteSpace(text[unitEnd]) && text[unitEnd] is not (',' or ')' or ']'))
                    {
                        unitEnd++;
                    }

                    unit = text[unitStart..unitEnd];
                    i = unitEnd;
                }

                tokens.Add(new Token(TokenKind.Number, number, new TextSpan(start, i - start), unit));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                // A trailing dash belongs to a following minus, not to the name.
                while (text[i - 1] == '-')
                {
                    i--;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], new TextSpan(start, i - start)));
                continue;
            }

            if (c == '$')
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                if (i == start + 1)
                {
                    throw new ExpressionSyntaxException("'$' must be followed by a parameter name, e.g. $lookback_dx.", new TextSpan(start, 1)) { IsParseError = true };
                }

                tokens.Add(new Token(TokenKind.Parameter, text[(start + 1)..i], new TextSpan(start, i - start)));
                continue;
            }

            if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw new ExpressionSyntaxException("This string has no closing quote.", new TextSpan(start, text.Length - start)) { IsParseError = true };
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..close], new TextSpan(start, close + 1 - start)));
                i = close + 1;
                continue;
            }

            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
            if (symbol is null)
            {
                throw new ExpressionSyntaxException($"Unexpected character '{c}'.", new TextSpan(start, 1)) { IsParseError = true };
            }

            tokens.Add(new Token(TokenKind.Symbol, symbol, new TextSpan(start, symbol.Length)));
            i += symbol.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, new TextSpan(text.Length, 0)));
        return tokens;
    }

    /// <summary>A unit starts with a letter, %, {, [ or a micro sign — but not with a word operator such as <c>and</c>.</summary>
    private static bool StartsUnit(string text, int at)
    {
        var c = text[at];
        if (c is '%' or '{' or '[' or 'µ' or 'μ')
        {
            return true;
        }

        if (!char.IsLetter(c))
        {
            return false;
        }

        var end = at;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var word = text[at..end];
        return word is not ("and" or "or" or "not" or "in" or "is" or "between" or "of" or "before" or "after");
    }
}
