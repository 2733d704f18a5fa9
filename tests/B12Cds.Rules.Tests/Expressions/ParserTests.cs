using B12Cds.Rules.Expressions;

namespace B12Cds.Rules.Tests.Expressions;

public sealed class ParserTests
{
    [Fact]
    public void Parse_Comparison_TreeWithSpans()
    {
        // Act
        var expr = Parser.Parse("value < 133 pmol/L");

        // Assert
        var binary = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal("<", binary.Operator);
        Assert.Equal(new TextSpan(0, 18), binary.Span);
        var left = Assert.IsType<PathExpr>(binary.Left);
        Assert.Equal(["value"], left.Segments);
        Assert.Equal(new TextSpan(0, 5), left.Span);
        Assert.Equal(new NumberLiteral(133m, "pmol/L", new TextSpan(8, 10)), binary.Right);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        // Act
        var expr = Parser.Parse("a = 1 or b = 2 and c = 3");

        // Assert
        var or = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal("or", or.Operator);
        Assert.Equal("=", Assert.IsType<BinaryExpr>(or.Left).Operator);
        var and = Assert.IsType<BinaryExpr>(or.Right);
        Assert.Equal("and", and.Operator);
        Assert.Equal(new TextSpan(9, 15), and.Span);
    }

    [Fact]
    public void Parse_Parentheses_OverridePrecedenceAndWidenTheSpan()
    {
        // Act
        var expr = Parser.Parse("(a = 1 or b = 2) and c = 3");

        // Assert
        var and = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal("and", and.Operator);
        var or = Assert.IsType<BinaryExpr>(and.Left);
        Assert.Equal("or", or.Operator);
        Assert.Equal(new TextSpan(0, 16), or.Span);
    }

    [Fact]
    public void Parse_Not_AppliesToTheWholeComparison()
    {
        // Act
        var expr = Parser.Parse("not status = active and x = 1");

        // Assert
        var and = Assert.IsType<BinaryExpr>(expr);
        var not = Assert.IsType<UnaryExpr>(and.Left);
        Assert.Equal("not", not.Operator);
        Assert.Equal("=", Assert.IsType<BinaryExpr>(not.Operand).Operator);
        Assert.Equal(new TextSpan(0, 19), not.Span);
    }

    [Fact]
    public void Parse_ArithmeticBindsTighterThanComparison()
    {
        // Act
        var expr = Parser.Parse("effective >= now - 12 months");

        // Assert
        var cmp = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal(">=", cmp.Operator);
        var minus = Assert.IsType<BinaryExpr>(cmp.Right);
        Assert.Equal("-", minus.Operator);
        Assert.IsType<NowExpr>(minus.Left);
        Assert.Equal(new NumberLiteral(12m, "months", new TextSpan(19, 9)), minus.Right);
    }

    [Fact]
    public void Parse_ArithmeticIsLeftAssociative()
    {
        // Act
        var expr = Parser.Parse("a - b - c");

        // Assert
        var outer = Assert.IsType<BinaryExpr>(expr);
        Assert.Equal("c", outer.Right.ToString());
        var inner = Assert.IsType<BinaryExpr>(outer.Left);
        Assert.Equal("a", inner.Left.ToString());
        Assert.Equal("b", inner.Right.ToString());
    }

    [Fact]
    public void Parse_Between_ValueLowAndHigh()
    {
        // Act
        var expr = Parser.Parse("effective between dose.effective + 5 days and dose.effective + 10 days");

        // Assert
        var between = Assert.IsType<BetweenExpr>(expr);
        Assert.Equal(["effective"], Assert.IsType<PathExpr>(between.Value).Segments);
        Assert.Equal("+", Assert.IsType<BinaryExpr>(between.Low).Operator);
        var high = Assert.IsType<BinaryExpr>(between.High);
        Assert.Equal(new NumberLiteral(10m, "days", new TextSpan(63, 7)), high.Right);
        Assert.Equal(new TextSpan(0, 70), between.Span);
    }

    [Fact]
    public void Parse_BetweenWithoutAnd_ThrowsAtWhatFollowsTheLowBound()
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Parser.Parse("x between 1 or 5"));

        // Assert
        Assert.Equal(new TextSpan(12, 2), ex.Span);
        Assert.Contains("'between' needs 'and'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b12 in b12-total", false)]
    [InlineData("b12 not in b12-total", true)]
    public void Parse_InValueSet_IdAndSpanOfTheId(string text, bool negated)
    {
        // Act
        var expr = Parser.Parse(text);

        // Assert
        var @in = Assert.IsType<InValueSetExpr>(expr);
        Assert.Equal("b12-total", @in.ValueSetId);
        Assert.Equal(negated, @in.Negated);
        Assert.Equal(new TextSpan(text.Length - 9, 9), @in.ValueSetSpan);
        Assert.Equal(new TextSpan(0, text.Length), @in.Span);
    }

    [Theory]
    [InlineData("status in [final, amended]", false)]
    [InlineData("status not in [final, amended]", true)]
    public void Parse_InList_ListOfItems(string text, bool negated)
    {
        // Act
        var expr = Parser.Parse(text);

        // Assert
        var @in = Assert.IsType<InListExpr>(expr);
        Assert.Equal(negated, @in.Negated);
        Assert.Equal(["final", "amended"], @in.List.Items.Select(i => i.ToString()));
        Assert.Equal(new TextSpan(text.Length - 16, 16), @in.List.Span);
    }

    [Fact]
    public void Parse_ListLiteral_ItemsInOrder()
    {
        // Act
        var expr = Parser.Parse("[1 mg, 2 mg, -3]");

        // Assert
        var list = Assert.IsType<ListExpr>(expr);
        Assert.Equal(
            [new NumberLiteral(1m, "mg", new TextSpan(1, 4)), new NumberLiteral(2m, "mg", new TextSpan(7, 4)), new NumberLiteral(-3m, null, new TextSpan(13, 2))],
            list.Items);
    }

    [Fact]
    public void Parse_EmptyList_NoItems()
    {
        // Act
        var expr = Parser.Parse("status in []");

        // Assert
        Assert.Empty(Assert.IsType<InListExpr>(expr).List.Items);
    }

    [Theory]
    [InlineData("x in", 2, 2)]
    [InlineData("x in 5", 5, 1)]
    public void Parse_InWithoutValueSetOrList_Throws(string text, int start, int length)
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Parser.Parse(text));

        // Assert
        Assert.Equal(new TextSpan(start, length), ex.Span);
        Assert.Contains("'in' needs a value set id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("comparator is missing", false)]
    [InlineData("comparator is present", true)]
    public void Parse_Presence(string text, bool present)
    {
        // Act
        var expr = Parser.Parse(text);

        // Assert
        var presence = Assert.IsType<PresenceExpr>(expr);
        Assert.Equal(present, presence.Present);
        Assert.Equal(new TextSpan(0, text.Length), presence.Span);
    }

    [Fact]
    public void Parse_IsFollowedByOtherWord_ThrowsAtTheWord()
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Parser.Parse("value is absent"));

        // Assert
        Assert.Equal(new TextSpan(9, 6), ex.Span);
    }

    [Fact]
    public void Parse_NegativeNumber_FoldedIntoTheLiteral()
    {
        // Act
        var expr = Parser.Parse("-5 days");

        // Assert
        Assert.Equal(new NumberLiteral(-5m, "days", new TextSpan(0, 7)), expr);
    }

    [Fact]
    public void Parse_NegatedPath_UnaryMinus()
    {
        // Act
        var expr = Parser.Parse("-hb.change");

        // Assert
        var minus = Assert.IsType<UnaryExpr>(expr);
        Assert.Equal("-", minus.Operator);
        Assert.Equal(["hb", "change"], Assert.IsType<PathExpr>(minus.Operand).Segments);
    }

    [Fact]
    public void Parse_Literals_EachKind()
    {
        // Act
        var parameter = Parser.Parse("$mma_cutoff");
        var text = Parser.Parse("'final'");
        var yes = Parser.Parse("true");
        var no = Parser.Parse("false");
        var now = Parser.Parse("now");
        var number = Parser.Parse("16");

        // Assert
        Assert.Equal(new ParameterRef("mma_cutoff", new TextSpan(0, 11)), parameter);
        Assert.Equal(new StringLiteral("final", new TextSpan(0, 7)), text);
        Assert.Equal(new BooleanLiteral(true, new TextSpan(0, 4)), yes);
        Assert.Equal(new BooleanLiteral(false, new TextSpan(0, 5)), no);
        Assert.Equal(new NowExpr(new TextSpan(0, 3)), now);
        Assert.Equal(new NumberLiteral(16m, null, new TextSpan(0, 2)), number);
    }

    [Fact]
    public void Parse_DottedPath_AllSegments()
    {
        // Act
        var expr = Parser.Parse("hb.first.value");

        // Assert
        var path = Assert.IsType<PathExpr>(expr);
        Assert.Equal(["hb", "first", "value"], path.Segments);
        Assert.Equal(new TextSpan(0, 14), path.Span);
        Assert.Equal("hb.first.value", path.ToString());
    }

    [Theory]
    [InlineData("", 0, 0, "empty")]
    [InlineData("   ", 0, 3, "empty")]
    [InlineData("value <", 7, 0, "ends too early")]
    [InlineData("a and", 5, 0, "ends too early")]
    [InlineData("and x", 0, 3, "needs a value before it")]
    [InlineData("x = or", 4, 2, "needs a value before it")]
    [InlineData("a < b < c", 6, 1, "after a complete expression")]
    [InlineData("a = 'x' b = 2", 8, 1, "after a complete expression")]
    [InlineData("x not y", 2, 3, "after a complete expression")]
    [InlineData("b12.", 3, 1, "after a complete expression")]
    [InlineData("(a = 1", 6, 0, "Missing ')'")]
    [InlineData("x in [1, 2", 10, 0, "Missing ']'")]
    [InlineData("x = )", 4, 1, "Unexpected ')'")]
    public void Parse_Invalid_ThrowsWithSpan(string text, int start, int length, string message)
    {
        // Act
        var ex = Assert.Throws<ExpressionSyntaxException>(() => Parser.Parse(text));

        // Assert
        Assert.Equal(new TextSpan(start, length), ex.Span);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentNullException>(() => Parser.Parse(null!));
    }

    [Fact]
    public void Cover_TwoSpans_SpanFromFirstStartToLastEnd()
    {
        // Act
        var span = TextSpan.Cover(new TextSpan(10, 2), new TextSpan(3, 4));

        // Assert
        Assert.Equal(new TextSpan(3, 9), span);
        Assert.Equal(12, span.End);
    }
}
