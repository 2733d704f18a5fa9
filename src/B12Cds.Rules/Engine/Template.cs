using System.Globalization;
using System.Text;
using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Engine;

/// <summary>
/// Card text with <c>{expressions}</c> filled from the match: <c>{b12.reported}</c> gives "150 ng/L",
/// <c>{b12.effective:date}</c> a date without time. <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal sealed class Template
{
    private readonly (string? Literal, Evaluator? Value, string? Format)[] _parts;

    private Template((string? Literal, Evaluator? Value, string? Format)[] parts, string source)
    {
        _parts = parts;
        Source = source;
    }

    /// <summary>Gets the template as written.</summary>
    public string Source { get; }

    /// <summary>Parses and compiles a template; each placeholder is compiled against <paramref name="scope"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">A placeholder is not a valid expression, or the braces do not match; the span is in the template's text.</exception>
    public static Template Compile(string text, CompileScope scope)
    {
        var parts = new List<(string?, Evaluator?, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new ExpressionSyntaxException("A '}' with no '{' before it; write '}}' for a literal brace.", new TextSpan(i, 1)) { IsParseError = true };
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new ExpressionSyntaxException("A '{' with no closing '}'.", new TextSpan(i, text.Length - i)) { IsParseError = true };
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), null, null));
                literal.Clear();
            }

            var inner = text[(i + 1)..close];
            var colon = inner.LastIndexOf(':');
            string? format = null;
            if (colon > 0 && inner[(colon + 1)..].Trim() is "date" or "number")
            {
                format = inner[(colon + 1)..].Trim();
                inner = inner[..colon];
            }

            Expr expr;
            try
            {
                expr = Parser.Parse(inner);
            }
            catch (ExpressionSyntaxException ex)
            {
                throw new ExpressionSyntaxException(ex.Message, new TextSpan(i + 1 + ex.Span.Start, Math.Max(ex.Span.Length, 1))) { IsParseError = true };
            }

            CompiledExpression compiled;
            try
            {
                compiled = ExpressionCompiler.Compile(expr, scope);
            }
            catch (ExpressionSyntaxException ex)
            {
                throw new ExpressionSyntaxException(ex.Message, new TextSpan(i + 1 + ex.Span.Start, Math.Max(ex.Span.Length, 1)));
            }

            if (compiled.IsSymbol)
            {
                throw new ExpressionSyntaxException($"'{inner.Trim()}' in a template is not a binding or field.", new TextSpan(i + 1, inner.Length));
            }

            parts.Add((null, compiled.Evaluate, format));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null, null));
        }

        return new Template([.. parts], text);
    }

    /// <summary>Renders the template for one match; an empty value leaves no run of blank lines behind (at most one).</summary>
    public string Render(MatchRow row)
    {
        var sb = new StringBuilder();
        foreach (var (literal, value, format) in _parts)
        {
            if (literal is not null)
            {
                sb.Append(literal);
                continue;
            }

            var v = value!(row);
            sb.Append(format switch
            {
                "date" when v.Kind == ValueKind.Date => v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => v.ToString(),
            });
        }

        var text = sb.ToString();
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text;
    }
}
