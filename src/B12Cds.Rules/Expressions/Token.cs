namespace B12Cds.Rules.Expressions;

/// <summary>One token of a rule expression.</summary>
/// <param name="Kind">What kind of token.</param>
/// <param name="Text">The token's text (a string's content without quotes; a number's digits).</param>
/// <param name="Span">Where it is.</param>
/// <param name="Unit">The unit written after a number, if any.</param>
public readonly record struct Token(TokenKind Kind, string Text, TextSpan Span, string? Unit = null)
{
    /// <summary>Gets a value indicating whether this is the symbol or keyword <paramref name="text"/>.</summary>
    public bool Is(string text) => Kind is TokenKind.Symbol or TokenKind.Identifier && string.Equals(Text, text, StringComparison.Ordinal);
}
