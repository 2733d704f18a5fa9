using B12Cds.Rules.Loading;
using B12Cds.Rules.Tests.Support;

namespace B12Cds.Rules.Tests.Loading;

/// <summary>Checks across rules and files: duplicate ids and bindings, unreachable rules, priority order, derive cycles, errors and warnings.</summary>
public sealed class RuleSetChecksTests : RuleTestFixture
{
    private const string StatusType = "b12-status:\n  fields: { state: text }";

    private static readonly string Derive = "- derive: b12-status\n  with: { state: deficient }";

    [Fact]
    public void Load_DuplicateRuleIdAcrossTwoFiles_Rule006InTheLaterFile()
    {
        // Act: files load in name order, whatever order they are given in.
        var result = LoadFiles(
            ("b.yaml", RuleFile(Rule("DX-01", "- patient:"))),
            ("a.yaml", RuleFile(Rule("DX-01", "- lab: b12-total"))));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateId, 3, 9, "b.yaml");
        Assert.Contains("Rule id DX-01 is used twice (first at a.yaml:3:9)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRuleIdInOneFile_Rule006AtTheSecond()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:"), Rule("DX-01", "- patient:")));

        // Assert
        AssertError(result, RuleDiagnosticIds.DuplicateId, 11, 9);
    }

    [Fact]
    public void Load_DuplicateBinding_Rule015AtTheSecondName()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnosis
                citations: [S1]
                when:
                  - lab: b12-total
                    as: b12
                  - lab: folate-serum
                    as: b12
                then: [ { card: { indicator: info, summary: x } } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateBinding, 11, 13);
        Assert.Contains("'b12' is already bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateBindingOfAnAggregate_Rule015()
    {
        // Arrange
        const string yaml = """
            version: 2026.11.0
            rules:
              - id: DX-01
                title: t
                area: diagnosis
                citations: [S1]
                when:
                  - lab: hemoglobin
                    as: hb
                  - trend: { lab: hemoglobin }
                    as: hb
                then: [ { card: { indicator: info, summary: x } } ]
            """;

        // Act
        var result = Load(yaml);

        // Assert
        AssertError(result, RuleDiagnosticIds.DuplicateBinding, 11, 13);
    }

    [Fact]
    public void Load_BindingNamedLikeAFieldOfALaterPattern_LaterWhereStillReadsTheField()
    {
        // Act: a single word is the matched fact's field before it is a binding, so 'as: value' hides nothing.
        var result = Load(RuleFile(Rule("DX-01", "- lab: b12-total\n  as: value\n- lab: folate-serum\n  where: value < 3 ug/L")));

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
    }

    [Fact]
    public void Load_BindingNamedLikeAKeyword_Rule015AtTheName()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- lab: b12-total\n  as: now")));

        // Assert
        AssertError(result, RuleDiagnosticIds.DuplicateBinding, 9, 13);
    }

    [Fact]
    public void Load_InvalidBindingName_Rule004()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- lab: b12-total\n  as: b12-lab")));

        // Assert
        AssertError(result, RuleDiagnosticIds.InvalidValue, 9, 13);
    }

    [Fact]
    public void Load_RuleReadingADerivedTypeNobodyDerives_Rule012ErrorAtTheRule()
    {
        // Act
        var result = Load(RuleFileWithDerived(StatusType, Rule("DX-01", "- b12-status:")));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnreachableRule, 6, 9);
        Assert.Contains("Rule DX-01 can never fire: it needs a b12-status fact", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exists:\n    b12-status:")]
    [InlineData("trend: { b12-status: , of: value }")]
    [InlineData("b12-status:\n  select: latest")]
    public void Load_PositiveUseOfADatedDerivedTypeNobodyDerives_Rule012(string condition)
    {
        // Act
        var result = Load(RuleFileWithDerived("b12-status:\n  fields: { value: number, date: date }", Rule("DX-01", "- patient:\n- " + condition)));

        // Assert
        AssertError(result, RuleDiagnosticIds.UnreachableRule, 6, 9);
    }

    [Fact]
    public void Load_NegationOfADerivedTypeNobodyDerives_NotUnreachable()
    {
        // Act
        var result = Load(RuleFileWithDerived(StatusType, Rule("DX-01", "- patient:\n- not:\n    b12-status:")));

        // Assert
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_ActiveRuleReadingATypeOnlyADraftDerives_Rule012()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive, "status: draft"),
            Rule("DX-02", "- b12-status:")));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.UnreachableRule, 16, 9);
        Assert.Contains("no active rule derives b12-status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DraftRuleReadingATypeADraftDerives_Loads()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive, "status: draft"),
            Rule("DX-02", "- b12-status:", header: "status: draft")));

        // Assert
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_RuleReadingATypeOnlyARetiredRuleDerives_Rule012()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive, "status: retired"),
            Rule("DX-02", "- b12-status:")));

        // Assert
        AssertError(result, RuleDiagnosticIds.UnreachableRule, 16, 9);
    }

    [Fact]
    public void Load_RetiredRuleReadingATypeNobodyDerives_Loads()
    {
        // Act
        var result = Load(RuleFileWithDerived(StatusType, Rule("DX-01", "- b12-status:", header: "status: retired")));

        // Assert
        AssertNoErrors(result);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 10)]
    public void Load_NegationOfATypeDerivedAtNoHigherPriority_Rule013WarningAndBuilds(int producerPriority, int consumerPriority)
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive, $"priority: {producerPriority}"),
            Rule("DX-02", "- patient:\n- not:\n    b12-status:", header: $"priority: {consumerPriority}")));

        // Assert
        var warning = AssertWarning(result, RuleDiagnosticIds.PriorityOrder, 16, 9);
        Assert.Contains("Rule DX-02 tests that there is no b12-status, which DX-01 derives", warning.Message, StringComparison.Ordinal);
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_NegationOfATypeDerivedAtHigherPriority_NoWarning()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive, "priority: 10"),
            Rule("DX-02", "- patient:\n- not:\n    b12-status:")));

        // Assert
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Load_DerivedTypesFeedingEachOther_Rule017WarningAndBuilds()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            "ping:\n  fields: { n: number }\npong:\n  fields: { n: number }",
            Rule("PI-01", "- patient:", "- derive: ping\n  with: { n: 0 }"),
            Rule("PO-01", "- ping:\n  as: p", "- derive: pong\n  with: { n: p.n + 1 }"),
            Rule("PI-02", "- pong:\n  as: q", "- derive: ping\n  with: { n: q.n + 1 }")));

        // Assert
        var warning = AssertWarning(result, RuleDiagnosticIds.DeriveCycle, 17, 9);
        Assert.Contains("(ping -> pong -> ping)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("through rules PO-01, PI-02", warning.Message, StringComparison.Ordinal);
        AssertNoErrors(result);
    }

    [Fact]
    public void Load_RuleDerivingTheTypeItReads_Rule017()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            "ping:\n  fields: { n: number }",
            Rule("PI-01", "- patient:", "- derive: ping\n  with: { n: 0 }"),
            Rule("PI-02", "- ping:\n  as: p", "- derive: ping\n  with: { n: p.n + 1 }")));

        // Assert
        var warning = AssertWarning(result, RuleDiagnosticIds.DeriveCycle, 15, 9);
        Assert.Contains("(ping -> ping)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WarningsOnly_RuleSetBuiltAndWarningsReported()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive),
            Rule("DX-02", "- patient:\n- not:\n    b12-status:")));

        // Assert
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Single(result.Diagnostics);
        Assert.Equal(2, result.RuleSet!.Rules.Count);
    }

    [Fact]
    public void Load_AnErrorBesideWarnings_RuleSetNotBuiltAndAllReported()
    {
        // Act
        var result = Load(RuleFileWithDerived(
            StatusType,
            Rule("DX-01", "- patient:", Derive),
            Rule("DX-02", "- patient:\n- not:\n    b12-status:"),
            Rule("DX-03", "- lab: b12-totl")));

        // Assert
        Assert.False(result.Succeeded);
        Assert.Null(result.RuleSet);
        Assert.Equal([RuleDiagnosticIds.PriorityOrder, RuleDiagnosticIds.UnknownValueSet], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Load_OneBadRuleAmongGoodOnes_NothingIsBuilt()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:"), Rule("DX-02", "- lab: b12-total\n  where: value < 1")));

        // Assert
        Assert.Null(result.RuleSet);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Load_DuplicateParameterAcrossFiles_Rule006()
    {
        // Act
        var result = LoadFiles(
            ("rules.yaml", RuleFile(Rule("DX-01", "- patient:"))),
            ("p1.yaml", "version: 2026.11.0\nparameters:\n  a: 1\n"),
            ("p2.yaml", "version: 2026.11.0\nparameters:\n  a: 2\n"));

        // Assert
        var error = AssertError(result, RuleDiagnosticIds.DuplicateId, 3, 3, "p2.yaml");
        Assert.Contains("first at p1.yaml:3:3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  1st: 5", 3, 3, RuleDiagnosticIds.InvalidValue)]
    [InlineData("  a: { value: 5, status: final }", 3, 26, RuleDiagnosticIds.InvalidValue)]
    [InlineData("  a: { value: 5, sauce: x }", 3, 18, RuleDiagnosticIds.UnknownKey)]
    [InlineData("  a: { status: design }", 3, 6, RuleDiagnosticIds.MissingKey)]
    public void Load_InvalidParameter_ReportedAtItsPosition(string line, int expectedLine, int column, string id)
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:")), "version: 2026.11.0\nparameters:\n" + line + "\n");

        // Assert
        AssertError(result, id, expectedLine, column, ParametersFile);
    }

    [Theory]
    [InlineData("route-intramuscularr", "dose: 1 mg", RuleDiagnosticIds.UnknownValueSet, 27)]
    [InlineData("route-oral", "dose: one", RuleDiagnosticIds.InvalidValue, 58)]
    [InlineData("route-oral", "dose: 1 day", RuleDiagnosticIds.InvalidValue, 58)]
    public void Load_InvalidRegimenPhase_ReportedAtItsPosition(string route, string dose, string id, int column)
    {
        // Arrange
        var regimens = $"version: 2026.11.0\nregimens:\n  - id: r\n    profile: uk\n    title: t\n    product: {{ text: x }}\n    phases:\n      - {{ name: a, route: {route}, period: 1 d, {dose} }}\n";

        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:")), regimensYaml: regimens);

        // Assert
        AssertError(result, id, 8, column, RegimensFile);
    }

    [Fact]
    public void Load_RegimenFollowUpOfAnUnknownAnalyte_Rule010()
    {
        // Arrange
        const string regimens = """
            version: 2026.11.0
            regimens:
              - id: r
                profile: uk
                title: t
                product: { text: x }
                phases: [ { name: a, dose: 1 mg, route: route-oral, period: 1 d } ]
                followUp: [ { analyte: haemoglobin, after: 8 wk } ]
            """;

        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:")), regimensYaml: regimens);

        // Assert
        AssertError(result, RuleDiagnosticIds.UnknownValueSet, 8, 28, RegimensFile);
    }

    [Fact]
    public void Load_DuplicateRegimenId_Rule006()
    {
        // Act
        var result = Load(RuleFile(Rule("DX-01", "- patient:")), regimensYaml: TestRegimens + "\n" + TestRegimens[TestRegimens.IndexOf("  - id: uk-test-im", StringComparison.Ordinal)..]);

        // Assert
        Assert.Contains(result.Errors, e => e.Id == RuleDiagnosticIds.DuplicateId && e.Location.File == RegimensFile);
        Assert.Null(result.RuleSet);
    }
}
