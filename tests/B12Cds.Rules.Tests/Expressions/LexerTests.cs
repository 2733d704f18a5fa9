using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Tests.Expressions;

public sealed class LexerTests
{
    [Fact]
    public void Tokenize_NumberWithUnit_OneNumberTokenCarryingTheUnit()
    {
        // Act
        var tokens = Lexer.Tokenize("value < 133 pmol/L");

        // Assert
        Assert.Equal(
            [
                new Token(TokenKind.Identifier, "value", new TextSpan(0, 5)),
                new Token(TokenKind.Symbol, "<", new TextSpan(6, 1)),
                new Token(TokenKind.Number, "133", new TextSpan(8, 10), "pmol/L"),
                new Token(TokenKind.End, string.Empty, new TextSpan(18, 0)),
            ],
            tokens);
    }

    [Theory]
    [InlineData("0.45 umol/L", "0.45", "umol/L")]
    [InlineData("8 weeks", "8", "weeks")]
    [InlineData("10 g/L", "10", "g/L")]
    [InlineData("5µg", "5", "µg")]
    [InlineData("60 mL/min/{1.73_m2}", "60", "mL/min/{1.73_m2}")]
    [InlineData("50 %", "50", "%")]
    public void Tokenize_NumberAndUnit_UnitRunsToTheNextSpace(string text, string number, string unit)
    {
        // Act
        var token = Lexer.Tokenize(text)[0];

        // Assert
        Assert.Equal(TokenKind.Number, token.Kind);
        Assert.Equal(number, token.Text);
        Assert.Equal(unit, token.Unit);
        Assert.Equal(new TextSpan(0, text.Length), token.Span);
    }

    [Theory]
    [InlineData("3 and x")]
    [InlineData("3 or x")]
    [InlineData("3 in x")]
    [InlineData("3 is missing")]
    [InlineData("3 between x")]
    [InlineData("3 not in x")]
    public void Tokenize_NumberBeforeAWordOperator_OperatorIsNotAUnit(string text)
    {
        // Act
        var tokens = Lexer.Tokenize(text);

        // Assert
        Assert.Equal(new Token(TokenKind.Number, "3", new TextSpan(0, 1)), tokens[0]);
        Assert.Equal(TokenKind.Identifier, tokens[1].Kind);
    }

    [Fact]
    public void Tokenize_UnitsInAList_StopAtCommaAndBracket()
    {
        // Act
        var tokens = Lexer.Tokenize("[1 mg, 2 mg]");

        // Assert
        Assert.Equal(["[", "1", ",", "2", "]", string.Empty], tokens.Select(t => t.Text));
        Assert.Equal("mg", tokens[1].Unit);
        Assert.Equal("mg", tokens[3].Unit);
    }

    [Fact]
    public void Tokenize_KebabCaseName_IsOneIdentifier()
    {
        // Act
        var tokens = Lexer.Tokenize("b12 in b12-total");

        // Assert
        Assert.Equal(new Token(TokenKind.Identifier, "b12-total", new TextSpan(7, 9)), tokens[2]);
    }

    [Fact]
    public void Tokenize_NameWithTrailingDash_DashIsAMinus()
    {
        // Act
        var tokens = Lexer.Tokenize("now- 5 days");

        // Assert
        Assert.Equal(new Token(TokenKind.Identifier, "now", new TextSpan(0, 3)), tokens[0]);
        Assert.Equal(new Token(TokenKind.Symbol, "-", new TextSpan(3, 1)), tokens[1]);
        Assert.Equal(new Token(TokenKind.Number, "5", new TextSpan(5, 6), "days"), tokens[2]);
    }

    [Fact]
    public void Tokenize_DottedPath_IdentifiersAndDots()
    {
        // Act
        var tokens = Lexer.Tokenize("hb.first.value");

        // Assert
        Assert.Equal(["hb", ".", "first", ".", "value", string.Empty], tokens.Select(t => t.Text));
        Assert.Equal([TokenKind.Identifier, TokenKind.Symbol, TokenKind.Identifier, TokenKind.Symbol, TokenKind.Identifier, TokenKind.End], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_Parameter_NameWithoutDollar()
    {
        // Act
        var tokens = Lexer.Tokenize("within $lookback_dx");

        // Assert
        Assert.Equal(new Token(TokenKind.Parameter, "lookback_dx", new TextSpan(7, 12)), tokens[1]);
    }

    [Fact]
    public void Tokenize_DollarWithoutName_ThrowsAtTheDollar()
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Lexer.Tokenize("value < $ 3"));

        // Assert
        Assert.Equal(new TextSpan(8, 1), ex.Span);
        Assert.Contains("parameter name", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("label = 'Vitamin B12'")]
    [InlineData("label = \"Vitamin B12\"")]
    public void Tokenize_QuotedString_ContentWithoutQuotes(string text)
    {
        // Act
        var tokens = Lexer.Tokenize(text);

        // Assert
        Assert.Equal(new Token(TokenKind.String, "Vitamin B12", new TextSpan(8, 13)), tokens[2]);
    }

    [Fact]
    public void Tokenize_UnclosedString_ThrowsFromTheQuoteToTheEnd()
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Lexer.Tokenize("label = 'abc"));

        // Assert
        Assert.Equal(new TextSpan(8, 4), ex.Span);
        Assert.Contains("closing quote", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_Operators_TwoCharacterSymbolsFirst()
    {
        // Act
        var tokens = Lexer.Tokenize("<=>=!=<>=+-()[],.");

        // Assert
        Assert.Equal(["<=", ">=", "!=", "<", ">=", "+", "-", "(", ")", "[", "]", ",", ".", string.Empty], tokens.Select(t => t.Text));
        Assert.All(tokens.SkipLast(1), t => Assert.Equal(TokenKind.Symbol, t.Kind));
    }

    [Theory]
    [InlineData("value ! 3", 6)]
    [InlineData("value # 3", 6)]
    [InlineData("a && b", 2)]
    public void Tokenize_UnknownCharacter_ThrowsAtIt(string text, int at)
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Lexer.Tokenize(text));

        // Assert
        Assert.Equal(new TextSpan(at, 1), ex.Span);
        Assert.StartsWith("Unexpected character", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_DecimalPointNotFollowedByDigit_EndsTheNumber()
    {
        // Act
        var tokens = Lexer.Tokenize("5.x");

        // Assert
        Assert.Equal(new Token(TokenKind.Number, "5", new TextSpan(0, 1)), tokens[0]);
        Assert.Equal(new Token(TokenKind.Symbol, ".", new TextSpan(1, 1)), tokens[1]);
    }

    [Fact]
    public void Tokenize_WhitespaceOnly_OnlyTheEndToken()
    {
        // Act
        var tokens = Lexer.Tokenize("  \t ");

        // Assert
        Assert.Equal([new Token(TokenKind.End, string.Empty, new TextSpan(4, 0))], tokens);
    }
}
