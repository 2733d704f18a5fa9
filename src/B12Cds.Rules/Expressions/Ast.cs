namespace B12Cds.Rules.Expressions;

/// <summary>A node of a parsed rule expression; <see cref="Span"/> says where it is in the text.</summary>
public abstract record Expr(TextSpan Span);

/// <summary>A number, with the unit written after it if any: a quantity (<c>133 pmol/L</c>) or a duration (<c>180 days</c>).</summary>
public sealed record NumberLiteral(decimal Value, string? Unit, TextSpan Span) : Expr(Span);

/// <summary>A quoted string.</summary>
public sealed record StringLiteral(string Value, TextSpan Span) : Expr(Span);

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteral(bool Value, TextSpan Span) : Expr(Span);

/// <summary><c>now</c>: the evaluation time.</summary>
public sealed record NowExpr(TextSpan Span) : Expr(Span);

/// <summary>A parameter from <c>rules/parameters.yaml</c>: <c>$lookback_dx</c>.</summary>
public sealed record ParameterRef(string Name, TextSpan Span) : Expr(Span);

/// <summary>A field of the current fact (<c>value</c>) or of a bound fact (<c>b12.effective</c>, <c>hb.first.value</c>); a lone unknown word may be a symbol (<c>active</c>).</summary>
public sealed record PathExpr(IReadOnlyList<string> Segments, TextSpan Span) : Expr(Span)
{
    /// <inheritdoc/>
    public override string ToString() => string.Join('.', Segments);
}

/// <summary>A list: <c>[final, amended]</c>.</summary>
public sealed record ListExpr(IReadOnlyList<Expr> Items, TextSpan Span) : Expr(Span);

/// <summary><c>not x</c> or <c>-x</c>.</summary>
public sealed record UnaryExpr(string Operator, Expr Operand, TextSpan Span) : Expr(Span);

/// <summary><c>a and b</c>, <c>a or b</c>, <c>a + b</c>, <c>a - b</c>, <c>a &lt; b</c>, <c>a = b</c>, ….</summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, TextSpan Span) : Expr(Span);

/// <summary><c>x between low and high</c> (inclusive).</summary>
public sealed record BetweenExpr(Expr Value, Expr Low, Expr High, TextSpan Span) : Expr(Span);

/// <summary><c>x in value-set-id</c>: membership of a coded value or fact in a value set (<see cref="Negated"/> for <c>not in</c>).</summary>
public sealed record InValueSetExpr(Expr Value, string ValueSetId, bool Negated, TextSpan Span, TextSpan ValueSetSpan) : Expr(Span);

/// <summary><c>x in [a, b]</c> (<see cref="Negated"/> for <c>not in</c>).</summary>
public sealed record InListExpr(Expr Value, ListExpr List, bool Negated, TextSpan Span) : Expr(Span);

/// <summary><c>x is missing</c> or <c>x is present</c>.</summary>
public sealed record PresenceExpr(Expr Value, bool Present, TextSpan Span) : Expr(Span);
