using B12Cds.Rules.Loading;
using B12Cds.Rules.Tests.Support;

namespace B12Cds.Rules.Tests.Loading;

/// <summary>Actions in rule files: careplan and suggestion regimens, card values, derive types and fields.</summary>
public sealed class RuleLoaderActionTests : RuleTestFixture
{
    /// <summary>A rule binding b12 (lines 8-10) with its actions from line 12; profiles: [uk] when <paramref name="uk"/>.</summary>
    private static string WithActions(string actions, bool uk = false) =>
        "version: 2026.11.0\nrules:\n  - id: DX-01\n    title: Low B12\n    area: diagnosis\n    citations: [S1]\n    when:\n"
        + "      - lab: b12-total\n        as: b12\n        where: value < 133 pmol/L\n    then:\n"
        + actions + "\n"
        + (uk ? "    profiles: [uk]\n" : string.Empty);

    /// <summary>A rule file declaring b12-status (state, result, level in pmol/L); the rule's actions start on line 14.</summary>
    private static string WithDerive(string actions) => $"""
        version: 2026.11.0
        derived:
          b12-status:
            fields: {"{"} state: text, result: lab, level: quantity pmol/L {"}"}
        rules:
          - id: DX-01
            title: Low B12
            area: diagnosis
            citations: [S1]
            when:
              - lab: b12-total
                as: b12
            then:
        {actions}
        """;

    [Fact]
    public void Load_CareplanWithUnknownRegimen_Rule011WithSuggestion()
    {
        // Act
        var result = Load(WithActions("      - careplan: uk-test-imm", uk: true), regimensYaml: TestRegimens);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownRegimen, 12, 19);
        Assert.Contains("Did you mean 'uk-test-im'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CareplanWithoutARegimenTable_Rule011()
    {
        // Act
        var result = Load(WithActions("      - careplan: uk-test-im", uk: true));

        // Assert
        AssertError(result, RuleDiagnosticIds.UnknownRegimen, 12, 19);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("    profiles: [us]\n")]
    [InlineData("    profiles: [uk, us]\n")]
    public void Load_CareplanWithARegimenOfAnotherProfile_Rule004(string? profiles)
    {
        // Act
        var result = Load(WithActions("      - careplan: uk-test-im") + profiles, regimensYaml: TestRegimens);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 12, 19);
        Assert.Contains("must say 'profiles: [uk]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CareplanInItsProfile_Loads()
    {
        // Act
        var result = Load(WithActions("      - careplan: uk-test-im", uk: true), regimensYaml: TestRegimens);

        // Assert
        AssertNoErrors(result);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Load_SuggestionWithUnknownRegimen_Rule011()
    {
        // Act
        var result = Load(WithActions("      - card: { indicator: info, summary: x, suggestions: [ { label: Start, regimen: uk-tst-im } ] }"), regimensYaml: TestRegimens);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownRegimen, 12, 86);
        Assert.Contains("Did you mean 'uk-test-im'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SuggestionWithTwoTargets_Rule004AtTheSuggestion()
    {
        // Act
        var result = Load(WithActions("      - card: { indicator: info, summary: x, suggestions: [ { label: Start, regimen: uk-test-im, order: mcv } ] }"), regimensYaml: TestRegimens);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 12, 61);
        Assert.Contains("exactly one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SuggestionOrderingAnUnknownAnalyte_Rule010()
    {
        // Act
        var result = Load(WithActions("      - card: { indicator: info, summary: x, suggestions: [ { label: Order, order: mma } ] }"));

        // Assert
        AssertError(result, RuleDiagnosticIds.UnknownValueSet, 12, 84);
    }

    [Fact]
    public void Load_LinkWithARelativeUrl_Rule004()
    {
        // Act
        var result = Load(WithActions("      - card: { indicator: info, summary: x, links: [ { label: NICE, url: nice.org.uk } ] }"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 12, 75);
        Assert.Contains("not an absolute URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SummaryOver140Characters_Rule004AtTheSummary()
    {
        // Act
        var result = Load(WithActions("      - card:\n          indicator: info\n          summary: " + new string('x', 141)));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 14, 20);
        Assert.Contains("under 140 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("this one is 141", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Summary140Characters_Loads()
    {
        // Act
        var result = Load(WithActions("      - card:\n          indicator: info\n          summary: " + new string('x', 140)));

        // Assert
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_DeriveOfAnUndeclaredType_Rule007()
    {
        // Act
        var result = Load(WithDerive("      - derive: b12-state\n        with: { state: deficient }"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnknownFactType, 14, 17);
        Assert.Contains("declare it under 'derived:'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeriveOfABuiltInType_Rule007()
    {
        // Act
        var result = Load(WithDerive("      - derive: lab"));

        // Assert
        AssertError(result, RuleDiagnosticIds.UnknownFactType, 14, 17);
    }

    [Theory]
    [InlineData("{ state: deficient, reslt: b12 }", 35, "b12-status has no field 'reslt' (declared: ")]
    [InlineData("{ label: x }", 17, "b12-status has no field 'label'")]
    [InlineData("{ state: deficient, result: b12.value }", 43, "'result' of b12-status is declared as a lab fact, but this is a quantity (pmol/L).")]
    [InlineData("{ state: b12 }", 24, "'state' of b12-status is declared as text, but this is a lab fact.")]
    [InlineData("{ level: 5 }", 24, "declared as a quantity (pmol/L), but this is a number")]
    public void Load_DeriveFieldUndeclaredOrOfTheWrongType_Rule014(string with, int column, string message)
    {
        // Act
        var result = Load(WithDerive($"      - derive: b12-status\n        with: {with}"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DeriveField, 15, column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeriveQuantityFieldWithAnIncompatibleUnit_Rule014()
    {
        // Act
        var result = Load(WithDerive("      - derive: b12-status\n        with: { level: 5 fL }"));

        // Assert
        AssertError(result, RuleDiagnosticIds.DeriveField, 15, 24);
    }

    [Fact]
    public void Load_DeriveWithDeclaredFields_Loads()
    {
        // Act
        var result = Load(WithDerive("      - derive: b12-status\n        with: { state: deficient, result: b12, level: b12.value }"));

        // Assert
        AssertNoErrors(result);
        Assert.Equal(["b12-status"], result.RuleSet!.Rules[0].Derives);
        Assert.True(result.RuleSet.Schema.TryGet("b12-status", out var type));
        Assert.True(type.IsDerived);
        Assert.Equal(["label", "level", "result", "source", "state"], type.Fields.Select(f => f.Name).Order());
    }

    [Fact]
    public void Load_DerivedTypeNamedLikeABuiltIn_Rule006()
    {
        // Act
        var result = Load("version: 2026.11.0\nderived:\n  lab:\n    fields: { x: text }\n" + "rules:\n" + Rule("DX-01", "- patient:"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateId, 3, 3);
        Assert.Contains("built-in fact type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DerivedFieldOfAnUnknownType_Rule004()
    {
        // Act
        var result = Load("version: 2026.11.0\nderived:\n  b12-status:\n    fields: { state: txt }\n" + "rules:\n" + Rule("DX-01", "- patient:"));

        // Assert
        AssertError(result, RuleDiagnosticIds.InvalidValue, 4, 22);
    }

    [Fact]
    public void Load_DerivedTypeWithAnInvalidName_Rule004()
    {
        // Act
        var result = Load("version: 2026.11.0\nderived:\n  B12_Status:\n    fields: { state: text }\n" + "rules:\n" + Rule("DX-01", "- patient:"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.InvalidValue, 3, 3);
        Assert.Contains("lower-case words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DerivedTypeDeclaredInTwoFiles_Rule006InTheSecond()
    {
        // Arrange
        const string declaration = "version: 2026.11.0\nderived:\n  b12-status:\n    fields: { state: text }\nrules:\n";

        // Act
        var result = LoadFiles(("a.yaml", declaration + Rule("DX-01", "- patient:")), ("b.yaml", declaration + Rule("DX-02", "- patient:")));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateId, 3, 3, "b.yaml");
        Assert.Contains("first at a.yaml:3:3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DerivedTypeDeclaredInAnotherFile_UsableEverywhere()
    {
        // Arrange
        const string declaration = "version: 2026.11.0\nderived:\n  b12-status:\n    fields: { state: text }\nrules:\n";

        // Act
        var result = LoadFiles(
            ("a.yaml", declaration + Rule("DX-01", "- patient:", "- derive: b12-status\n  with: { state: low }")),
            ("b.yaml", RuleFile(Rule("DX-02", "- b12-status:\n  where: state = low"))));

        // Assert
        AssertNoErrors(result);
    }
}
