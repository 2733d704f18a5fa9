using B12Cds.Facts.Terminology;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Tests.Support;

namespace B12Cds.Rules.Tests.Loading;

/// <summary>Expressions in rule files: syntax and type errors, each at its exact line and column inside the YAML value.</summary>
public sealed class RuleLoaderExpressionTests : RuleTestFixture
{
    private const string Parameters = "version: 2026.11.0\nparameters:\n  lookback_dx: { value: 180 days, status: design }\n";

    /// <summary>
    /// A rule whose conditions are '- lab: b12-total' bound to b12 (lines 8-9) then <paramref name="lines"/> from line 10
    /// (indent 8 continues the lab condition, indent 6 starts a new one).
    /// </summary>
    private static string WithConditionLines(params string[] lines) =>
        "version: 2026.11.0\nrules:\n  - id: DX-01\n    title: Low B12\n    area: diagnosis\n    citations: [S1]\n    when:\n"
        + "      - lab: b12-total\n        as: b12\n"
        + string.Concat(lines.Select(l => l + "\n"))
        + "    then:\n      - card: { indicator: info, summary: x }\n";

    /// <summary>The same rule with no extra condition and its action from line 12.</summary>
    private static string WithActionLines(params string[] lines) =>
        "version: 2026.11.0\nrules:\n  - id: DX-01\n    title: Low B12\n    area: diagnosis\n    citations: [S1]\n    when:\n"
        + "      - lab: b12-total\n        as: b12\n        where: value < 133 pmol/L\n    then:\n"
        + string.Concat(lines.Select(l => l + "\n"));

    private static readonly string[] DetailBlock =
    [
        "      - card:",
        "          indicator: info",
        "          summary: x",
        "          detail: |",
        "            **Found:** B12 {b12.value}",
    ];

    [Fact]
    public void Load_ValidExpressions_NoDiagnostics()
    {
        // Act
        var result = Load(
            WithConditionLines(
                "        within: $lookback_dx",
                "        where: (reported < 180 ng/L or reported < 133 pmol/L) and status in [final, amended] and comparator is missing",
                "      - medication: metformin",
                "        as: met",
                "      - check: b12.effective - met.start >= 8 weeks and met in metformin and b12.effective between met.start + 5 days and now"),
            Parameters);

        // Assert
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.RuleSet);
    }

    [Theory]
    [InlineData("        where: value < < 133 pmol/L", 24)]
    [InlineData("        where: \"value < < 133 pmol/L\"", 25)]
    [InlineData("        where: 'value < < 133 pmol/L'", 25)]
    [InlineData("        where:   value < < 133 pmol/L", 26)]
    [InlineData("      - check: b12.value < < 133 pmol/L", 28)]
    public void Load_ExpressionSyntaxErrorInAOneLineValue_Rule008AtTheExactColumn(string line, int column)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionSyntax, 10, column);
        Assert.Equal("Unexpected '<'.", error.Message);
    }

    [Fact]
    public void Load_ExpressionSyntaxErrorInALiteralBlock_Rule008AtTheExactLineAndColumn()
    {
        // Act
        var result = Load(WithConditionLines(
            "        where: |",
            "          value < 133 pmol/L",
            "          or value < < 180 ng/L"));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionSyntax, 12, 22);
    }

    [Fact]
    public void Load_ExpressionSyntaxErrorInAFoldedBlock_Rule008AtTheExactLineAndColumn()
    {
        // Act
        var result = Load(WithConditionLines(
            "        where: >",
            "          value < 133 pmol/L",
            "          or value < < 180 ng/L"));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionSyntax, 12, 22);
    }

    [Fact]
    public void Load_ExpressionSyntaxErrorAfterEscapesInAQuotedValue_Rule008AtTheExactColumn()
    {
        // Act
        var result = Load(WithConditionLines("        where: \"label = \\\"B12\\\" and value < < 1 pmol/L\""));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionSyntax, 10, 45);
    }

    [Theory]
    [InlineData("        where: status = final and value = \"high\"", 35, "Type mismatch: cannot compare a quantity (pmol/L) with text.")]
    [InlineData("        where: status = final and value < 133", 35, "Type mismatch: cannot compare a quantity (pmol/L) with a number. Write the unit")]
    [InlineData("        where: effective > 180 days", 16, "For a look-back, compare with a date")]
    [InlineData("        where: status < final", 16, "'<' orders numbers, quantities, dates and durations, not text")]
    [InlineData("        where: value", 16, "A condition must be true or false, but this is a quantity (pmol/L)")]
    [InlineData("        where: status in [final, 2]", 34, "A list holds values of one kind")]
    [InlineData("        where: value in [1, 2]", 16, "Type mismatch")]
    [InlineData("        where: status in b12-total", 16, "'in b12-total' tests a fact")]
    [InlineData("        where: effective + effective > now", 16, "Cannot add a date to a date")]
    [InlineData("        where: -status = final", 16, "Cannot negate text")]
    [InlineData("        where: value < 133 zz", 24, "'zz' is not a unit")]
    public void Load_TypeError_Rule009AtTheExactColumn(string line, int column, string message)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("        where: value < 133 fL", "Incompatible units: pmol/L cannot be compared with fL.")]
    [InlineData("        where: reported < 10 fL", "Incompatible units: pmol/L cannot be compared with fL.")]
    [InlineData("        where: value + 1 mg < 133 pmol/L", "Incompatible units: pmol/L and mg.")]
    public void Load_IncompatibleUnits_Rule009(string line, string message)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 16);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Load_MassUnitOnAMolarAnalyteWithMolarMass_Accepted()
    {
        // Act: b12-total is in pmol/L with a molar mass, so ng/L and pg/mL are comparable.
        var result = Load(WithConditionLines("        where: value < 180 ng/L or reported < 180 pg/mL"));

        // Assert
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_MassUnitOnAMolarAnalyteWithoutMolarMass_Rule009()
    {
        // Act: active B12 (pmol/L) has no molar mass in labs.yaml.
        var result = Load(WithConditionLines("      - lab: b12-active", "        where: value < 50 ng/L"));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionType, 11, 16);
    }

    [Fact]
    public void Load_UnknownFieldOfABinding_Rule009ListingTheFields()
    {
        // Act
        var result = Load(WithConditionLines("      - check: b12.valeu > 1 pmol/L"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 16);
        Assert.StartsWith("lab has no field 'valeu' (fields: analyte, comparator, effective, flagged_high, flagged_low, label, negative, positive, reference_high, reference_low, reported, result, source, status, value, value_problem, value_text)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldOfTheCurrentFact_Rule009()
    {
        // Act
        var result = Load(WithConditionLines("        where: valeu < 133 pmol/L"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 16);
        Assert.Contains("Unknown name 'valeu'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldOfTheCurrentFact_MessageListsTheFieldsOrSuggests()
    {
        // Act
        var result = Load(WithConditionLines("        where: valeu < 133 pmol/L"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 16);
        Assert.True(
            error.Message.Contains("'value'", StringComparison.Ordinal) || error.Message.Contains("fields: analyte", StringComparison.Ordinal),
            error.Message);
    }

    [Theory]
    [InlineData("        where: status = final and foo", 35, "Unknown name 'foo'")]
    [InlineData("      - check: xyz.value > 1 pmol/L", 16, "'xyz' is neither a binding")]
    [InlineData("      - check: b12.value.unit > 1", 16, "'b12.value' is a quantity (pmol/L); it has no field 'unit'")]
    public void Load_UnknownName_Rule009(string line, int column, string message)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BindingUsedInItsOwnWhere_Rule009()
    {
        // Act: a binding is visible to the conditions after it, not to its own.
        var result = Load(WithConditionLines("      - lab: folate-serum", "        as: fol", "        where: fol.value < 3 ug/L"));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionType, 12, 16);
    }

    [Fact]
    public void Load_UnknownParameter_Rule009ListingTheKnownOnes()
    {
        // Act
        var result = Load(WithConditionLines("        within: $lookback"), Parameters);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 17);
        Assert.Contains("Unknown parameter $lookback (known: $lookback_dx)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ParameterWithoutAParametersFile_Rule009()
    {
        // Act
        var result = Load(WithConditionLines("        within: $lookback_dx"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 17);
        Assert.Contains("none are defined", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("        within: 5", "'within' must be a duration")]
    [InlineData("        within: 5 mg", "'within' must be a duration")]
    public void Load_WithinNotADuration_Rule009AtTheValue(string line, string message)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 17);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownValueSetInAnExpression_Rule010AtTheId()
    {
        // Act
        var result = Load(WithConditionLines("      - check: b12 in b12-totl"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownValueSet, 10, 23);
        Assert.StartsWith("Unknown value set 'b12-totl'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      - labs: b12-total", RuleDiagnosticIds.UnknownFactType, 9, "Did you mean 'lab'?")]
    [InlineData("      - finding: pernicious-anemia", RuleDiagnosticIds.UnknownValueSet, 18, "Did you mean 'pernicious-anaemia'?")]
    [InlineData("      - lab: ppi", RuleDiagnosticIds.UnknownValueSet, 14, "'ppi' is not an analyte")]
    [InlineData("      - lab: [hemoglobin, b12-totl]", RuleDiagnosticIds.UnknownValueSet, 27, "Did you mean 'b12-total'?")]
    [InlineData("      - medication: b12-total", RuleDiagnosticIds.UnknownValueSet, 21, "Unknown value set 'b12-total'")]
    public void Load_UnknownFactTypeOrValueSet_ReportedAtTheName(string line, string id, int column, string message)
    {
        // Act
        var result = Load(WithConditionLines(line));

        // Assert
        var error = AssertError(result, id, 10, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldInASummaryTemplate_Rule009AtThePlaceholder()
    {
        // Act
        var result = Load(WithActionLines("      - card: { indicator: info, summary: \"Low {b12.valeu}\" }"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 12, 49);
        Assert.Contains("lab has no field 'valeu'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{b12value}", 49, "'b12value' in a template is not a binding or field")]
    [InlineData("{b12.value", 48, "A '{' with no closing '}'")]
    [InlineData("b12.value}", 57, "A '}' with no '{' before it")]
    public void Load_BadPlaceholderInASummary_ErrorAtItsPosition(string template, int column, string message)
    {
        // Act
        var result = Load(WithActionLines($"      - card: {{ indicator: info, summary: \"Low {template}\" }}"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(RulesFile, 12, column), error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_UnknownFieldInADetailBlock_Rule009AtTheExactLineAndColumn()
    {
        // Act
        var result = Load(WithActionLines([.. DetailBlock, "            Taken {b12.taken:date}."]));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 17, 20);
        Assert.Contains("lab has no field 'taken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxErrorInADetailBlock_ErrorAtTheExactLineAndColumn()
    {
        // Act
        var result = Load(WithActionLines([.. DetailBlock, "            Taken {b12.value ) }."]));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(RulesFile, 17, 30), error.Location);
        Assert.Contains("Unexpected ')'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxErrorInADetailBlock_Rule008()
    {
        // Act
        var result = Load(WithActionLines([.. DetailBlock, "            Taken {b12.value ) }."]));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionSyntax, 17, 30);
    }

    [Fact]
    public void Load_UnknownFieldOnAMoreIndentedLineOfADetailBlock_Rule009AtTheExactColumn()
    {
        // Act
        var result = Load(WithActionLines([.. DetailBlock, "              - taken {b12.taken:date}."]));

        // Assert
        AssertError(result, RuleDiagnosticIds.ExpressionType, 17, 24);
    }

    [Fact]
    public void Load_ExpressionInAFlowMapping_ColumnInsideTheFlow()
    {
        // Act
        var result = Load(WithConditionLines("      - not: { finding: anaemia, where: status = activ and onset > 1 }"));

        // Assert: 'onset > 1' compares a date with a number.
        var error = AssertError(result, RuleDiagnosticIds.ExpressionType, 10, 60);
        Assert.Contains("cannot compare a date with a number", error.Message, StringComparison.Ordinal);
    }
}
