namespace B12Cds.Rules.Expressions;

/// <summary>The kinds of token in a rule expression.</summary>
public enum TokenKind
{
    /// <summary>End of the expression.</summary>
    End,

    /// <summary>A name: a field, a binding, a keyword or a bare symbol (<c>active</c>).</summary>
    Identifier,

    /// <summary>A parameter reference: <c>$lookback_dx</c>.</summary>
    Parameter,

    /// <summary>A number, possibly followed by a unit (<c>133 pmol/L</c>, <c>180 days</c>).</summary>
    Number,

    /// <summary>A quoted string.</summary>
    String,

    /// <summary>An operator or punctuation: <c>&lt; &lt;= &gt; &gt;= = != + - ( ) [ ] , .</c>.</summary>
    Symbol,
}
