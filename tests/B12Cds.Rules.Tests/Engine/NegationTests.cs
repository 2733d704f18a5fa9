using B12Cds.Facts.Model;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>not and exists: absence and presence, joined to bindings, and negation of facts other rules derive.</summary>
public sealed class NegationTests : RuleTestFixture
{
    private const string Status = """
        b12-status:
          fields: { state: text, result: lab }
        """;

    /// <summary>DX-A derives b12-status from a low B12 (priority 10); NO-B fires when there is no b12-status (priority 0).</summary>
    private static readonly string DeriveThenNegate = RuleFileWithDerived(
        Status,
        Rule(
            "DX-01",
            """
            - lab: b12-total
              as: b12
              where: value < 133 pmol/L
            """,
            """
            - derive: b12-status
              with: { state: deficient, result: b12 }
            """,
            "priority: 10"),
        Rule(
            "DX-02",
            """
            - lab: b12-total
            - not:
                b12-status:
            """));

    [Fact]
    public void Evaluate_NotWhenNoSuchFact_Fires()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
            - not: { finding: neurological-features }
            """)));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Fired("TS-01");
    }

    [Fact]
    public void Evaluate_NotWhenSuchAFactExists_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
            - not: { finding: neurological-features }
            """)));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"), Condition("neurological-features", "2026-09-01"));

        // Assert
        NotFired("TS-01");
    }

    [Theory]
    [InlineData(FactStatus.Active, false)]
    [InlineData(FactStatus.Inactive, true)]
    public void Evaluate_NotWithWhere_OnlyMatchingFactsBlock(FactStatus status, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
            - not: { finding: neurological-features, where: status = active }
            """)));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"), Condition("neurological-features", "2025-09-01", status));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_NotJoinedToABinding_KeepsOnlyTheLatestLab()
    {
        // Arrange: "no later B12 than this one".
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              as: b12
            - not: { lab: b12-total, where: effective > b12.effective }
            """)));
        var latest = Lab("b12-total", "2026-10-01", 120, "pmol/L");

        // Act
        Evaluate(Lab("b12-total", "2026-08-01", 300, "pmol/L"), latest, Lab("b12-total", "2026-09-01", 200, "pmol/L"));

        // Assert
        var firing = Assert.Single(FiringsOf("TS-01"));
        Assert.Same(latest, Bound(firing, "b12"));
    }

    [Fact]
    public void Evaluate_NotOnlyCondition_FiresOnceOnAnEmptyChart()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- not: { lab: b12-total }")));

        // Act
        Evaluate();

        // Assert
        var firing = Assert.Single(FiringsOf("TS-01"));
        Assert.Empty(firing.Matched);
    }

    [Fact]
    public void Evaluate_ExistsWithSeveralMatches_FiresOnce()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - patient:
            - exists: { medication: b12-replacement, where: status = active }
            """)));

        // Act
        Evaluate(Patient(50), Medication("b12-replacement", "2026-01-01"), Medication("b12-replacement", "2026-03-01"));

        // Assert
        FiredTimes("TS-01", 1);
    }

    [Fact]
    public void Evaluate_ExistsWithNoMatch_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - patient:
            - exists: { medication: b12-replacement, where: status = active }
            """)));

        // Act
        Evaluate(Patient(50), Medication("b12-replacement", "2026-01-01", FactStatus.Inactive));

        // Assert
        NotFired("TS-01");
    }

    [Theory]
    [InlineData("2026-09-15", true)]
    [InlineData("2026-10-15", false)]
    public void Evaluate_ExistsJoinedToABinding_TestsAgainstTheBoundFact(string medStart, bool fires)
    {
        // Arrange: B12 tested after starting replacement.
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              as: b12
            - exists: { medication: b12-replacement, where: start < b12.effective }
            """)));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 400, "pmol/L"), Medication("b12-replacement", medStart));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_NotOnADerivedType_WithdrawnWhenAHigherPriorityRuleDerivesIt()
    {
        // Arrange
        GivenRules(DeriveThenNegate);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Fired("DX-01");
        NotFired("DX-02");
        Assert.Single(Derived("b12-status"));
    }

    [Fact]
    public void Evaluate_NotOnADerivedType_FiresWhenNothingDerivesIt()
    {
        // Arrange
        GivenRules(DeriveThenNegate);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 300, "pmol/L"));

        // Assert
        NotFired("DX-01");
        Fired("DX-02");
        Assert.Empty(Result.DerivedFacts);
    }

    [Fact]
    public void Evaluate_NotOnADerivedType_SamePriorityEarlierRuleDerives_WithdrawnAndWarned()
    {
        // Arrange: equal priority, the deriving rule first in the file.
        var result = Load(RuleFileWithDerived(
            Status,
            Rule("DX-01", "- lab: b12-total\n  as: b12", "- derive: b12-status\n  with: { state: deficient, result: b12 }"),
            Rule("DX-02", "- lab: b12-total\n- not:\n    b12-status:")));
        Given(result);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Assert.Contains(result.Diagnostics, d => d.Id == RuleDiagnosticIds.PriorityOrder);
        FiredInOrder("DX-01");
    }

    [Fact]
    public void Evaluate_NotOnADerivedType_NegatingRuleHasHigherPriority_FiresBeforeTheFactExists()
    {
        // Arrange: the order RULE013 warns about: the negation is tested before the fact is derived, and a fired rule is not undone.
        var result = Load(RuleFileWithDerived(
            Status,
            Rule("DX-01", "- lab: b12-total\n  as: b12", "- derive: b12-status\n  with: { state: deficient, result: b12 }"),
            Rule("DX-02", "- lab: b12-total\n- not:\n    b12-status:", header: "priority: 50")));
        Given(result);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Assert.Contains(result.Diagnostics, d => d.Id == RuleDiagnosticIds.PriorityOrder);
        FiredInOrder("DX-02", "DX-01");
    }

    [Fact]
    public void Evaluate_NotOnADerivedTypeWithWhere_OnlyAMatchingDerivedFactWithdraws()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            Status,
            Rule("DX-01", "- lab: b12-total\n  as: b12", "- derive: b12-status\n  with: { state: indeterminate, result: b12 }", "priority: 10"),
            Rule("DX-02", "- lab: b12-total\n- not:\n    b12-status:\n    where: state = deficient")));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Fired("DX-01");
        Fired("DX-02");
    }
}
