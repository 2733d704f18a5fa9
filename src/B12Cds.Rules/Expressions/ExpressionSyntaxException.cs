namespace B12Cds.Rules.Expressions;

/// <summary>An expression that cannot be read or does not type-check; carries where in the text.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ExpressionSyntaxException"/> class.</summary>
    public ExpressionSyntaxException(string message, TextSpan span)
        : base(message)
    {
        Span = span;
    }

    /// <summary>Initializes a new instance of the <see cref="ExpressionSyntaxException"/> class.</summary>
    public ExpressionSyntaxException()
        : this("Invalid expression.", default(TextSpan))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ExpressionSyntaxException"/> class.</summary>
    public ExpressionSyntaxException(string message)
        : this(message, default(TextSpan))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ExpressionSyntaxException"/> class.</summary>
    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets where in the expression text the problem is.</summary>
    public TextSpan Span { get; }

    /// <summary>Gets a value indicating whether the text does not parse (rather than not type-check).</summary>
    public bool IsParseError { get; init; }
}
