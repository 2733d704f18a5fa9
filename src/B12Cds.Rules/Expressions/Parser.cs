using System.Globalization;

namespace B12Cds.Rules.Expressions;

/// <summary>
/// Parses a rule expression. Grammar, loosest first:
/// <c>or</c>, <c>and</c>, <c>not</c>, comparison (<c>&lt; &lt;= &gt; &gt;= = !=</c>, <c>between … and …</c>,
/// <c>[not] in value-set | [list]</c>, <c>is missing | is present</c>), <c>+ -</c>, unary minus, then literals,
/// <c>$parameters</c>, <c>now</c>, paths and parentheses.
/// </summary>
public sealed class Parser
{
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(string text)
    {
        _tokens = Lexer.Tokenize(text);
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses a whole expression.</summary>
    /// <exception cref="ExpressionSyntaxException">The text is not a valid expression; the exception says where.</exception>
    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionSyntaxException("The expression is empty.", new TextSpan(0, text.Length)) { IsParseError = true };
        }

        var expr = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new ExpressionSyntaxException($"Unexpected '{parser.Current.Text}' after a complete expression; join conditions with 'and' or 'or'.", parser.Current.Span);
        }

        return expr;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Is("or"))
        {
            Advance();
            var right = ParseAnd();
            left = new BinaryExpr("or", left, right, TextSpan.Cover(left.Span, right.Span));
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Is("and"))
        {
            Advance();
            var right = ParseNot();
            left = new BinaryExpr("and", left, right, TextSpan.Cover(left.Span, right.Span));
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Is("not"))
        {
            var start = Advance().Span;
            var operand = ParseNot();
            return new UnaryExpr("not", operand, TextSpan.Cover(start, operand.Span));
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.Symbol && Current.Text is "<" or "<=" or ">" or ">=" or "=" or "!=")
        {
            var op = Advance().Text;
            var right = ParseAdditive();
            return new BinaryExpr(op, left, right, TextSpan.Cover(left.Span, right.Span));
        }

        if (Current.Is("between"))
        {
            Advance();
            var low = ParseAdditive();
            Expect("and", "'between' needs 'and': x between low and high");
            var high = ParseAdditive();
            return new BetweenExpr(left, low, high, TextSpan.Cover(left.Span, high.Span));
        }

        var negated = false;
        if (Current.Is("not") && _tokens[_position + 1].Is("in"))
        {
            Advance();
            negated = true;
        }

        if (Current.Is("in"))
        {
            var inToken = Advance();
            if (Current.Is("["))
            {
                var list = ParseList();
                return new InListExpr(left, list, negated, TextSpan.Cover(left.Span, list.Span));
            }

            if (Current.Kind != TokenKind.Identifier)
            {
                throw new ExpressionSyntaxException("'in' needs a value set id (in b12-total) or a list (in [final, amended]).", Current.Kind == TokenKind.End ? inToken.Span : Current.Span) { IsParseError = true };
            }

            var id = Advance();
            return new InValueSetExpr(left, id.Text, negated, TextSpan.Cover(left.Span, id.Span), id.Span);
        }

        if (negated)
        {
            throw new ExpressionSyntaxException("Expected 'in' after 'not'.", Current.Span) { IsParseError = true };
        }

        if (Current.Is("is"))
        {
            Advance();
            var present = Current.Text switch
            {
                "missing" => false,
                "present" => true,
                _ => throw new ExpressionSyntaxException("'is' must be followed by 'missing' or 'present'.", Current.Span) { IsParseError = true },
            };
            var end = Advance().Span;
            return new PresenceExpr(left, present, TextSpan.Cover(left.Span, end));
        }

        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "+" or "-")
        {
            var op = Advance().Text;
            var right = ParseUnary();
            left = new BinaryExpr(op, left, right, TextSpan.Cover(left.Span, right.Span));
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind == TokenKind.Symbol && Current.Text == "-")
        {
            var start = Advance().Span;
            var operand = ParseUnary();
            return operand is NumberLiteral n
                ? n with { Value = -n.Value, Span = TextSpan.Cover(start, n.Span) }
                : new UnaryExpr("-", operand, TextSpan.Cover(start, operand.Span));
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), token.Unit, token.Span);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Text, token.Span);
            case TokenKind.Parameter:
                Advance();
                return new ParameterRef(token.Text, token.Span);
            case TokenKind.Identifier when token.Text is "true" or "false":
                Advance();
                return new BooleanLiteral(token.Text == "true", token.Span);
            case TokenKind.Identifier when token.Text == "now":
                Advance();
                return new NowExpr(token.Span);
            case TokenKind.Identifier when token.Text is "and" or "or" or "in" or "is" or "between":
                throw new ExpressionSyntaxException($"'{token.Text}' needs a value before it.", token.Span) { IsParseError = true };
            case TokenKind.Identifier:
                return ParsePath();
            case TokenKind.Symbol when token.Text == "(":
                Advance();
                var inner = ParseOr();
                var close = Expect(")", "Missing ')'");
                return inner with { Span = TextSpan.Cover(token.Span, close.Span) };
            case TokenKind.Symbol when token.Text == "[":
                return ParseList();
            case TokenKind.End:
                throw new ExpressionSyntaxException("The expression ends too early: a value is missing.", token.Span) { IsParseError = true };
            default:
                throw new ExpressionSyntaxException($"Unexpected '{token.Text}'.", token.Span) { IsParseError = true };
        }
    }

    private PathExpr ParsePath()
    {
        var first = Advance();
        var segments = new List<string> { first.Text };
        var span = first.Span;
        while (Current.Is(".") && _tokens[_position + 1].Kind == TokenKind.Identifier)
        {
            Advance();
            var next = Advance();
            segments.Add(next.Text);
            span = TextSpan.Cover(span, next.Span);
        }

        return new PathExpr(segments, span);
    }

    private ListExpr ParseList()
    {
        var open = Advance();
        var items = new List<Expr>();
        if (!Current.Is("]"))
        {
            items.Add(ParseAdditive());
            while (Current.Is(","))
            {
                Advance();
                items.Add(ParseAdditive());
            }
        }

        var close = Expect("]", "Missing ']' to close the list");
        return new ListExpr(items, TextSpan.Cover(open.Span, close.Span));
    }

    private Token Expect(string text, string message)
    {
        if (!Current.Is(text))
        {
            throw new ExpressionSyntaxException($"{message}.", Current.Span) { IsParseError = true };
        }

        return Advance();
    }

    private Token Advance() => _tokens[_position++];
}
