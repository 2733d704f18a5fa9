using B12Cds.Facts.Model;
using B12Cds.Rules.Schema;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>Forward chaining through derived facts, refraction, and explanations back to FHIR sources.</summary>
public sealed class ChainingTests : RuleTestFixture
{
    private const string DerivedTypes = """
        b12-status:
          fields: { state: text, result: lab }
        b12-cause:
          fields: { cause: text, status: b12-status }
        flag:
          fields: { name: text }
        """;

    private static readonly string DxRule = Rule(
        "DX-01",
        """
        - lab: b12-total
          as: b12
          select: latest
          where: value < 133 pmol/L
        """,
        """
        - derive: b12-status
          with: { state: deficient, result: b12 }
        """,
        "priority: 100");

    [Fact]
    public void Evaluate_RuleDerivesAFact_AnotherRuleReadingItFiresAndShowsItsFields()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            Rule(
                "DX-02",
                """
                - b12-status:
                  as: s
                  where: state = deficient
                """,
                "- card: { indicator: warning, summary: \"B12 {s.state}: {s.result.value} on {s.result.effective:date}\" }"),
            DxRule));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        FiredInOrder("DX-01", "DX-02");
        Assert.Equal("B12 deficient: 120 pmol/L on 2026-10-01", CardSummary("DX-02"));
    }

    [Fact]
    public void Evaluate_NothingDerived_ReadingRuleDoesNotFire()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(DerivedTypes, DxRule, Rule("DX-02", "- b12-status:")));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 300, "pmol/L"));

        // Assert
        NotFired("DX-01", "DX-02");
    }

    [Fact]
    public void Evaluate_ThreeLevelChain_EachLevelFiresInTurn()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            Rule(
                "PA-01",
                """
                - b12-status:
                  as: s
                - finding: pernicious-anaemia
                """,
                """
                - derive: b12-cause
                  with: { cause: pernicious-anaemia, status: s }
                """),
            Rule(
                "PA-02",
                """
                - b12-cause:
                  as: c
                """,
                "- card: { indicator: critical, summary: \"{c.cause}; B12 {c.status.result.reported}\" }"),
            DxRule));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 150, "ng/L"), Condition("pernicious-anaemia", "2020-01-01"));

        // Assert
        FiredInOrder("DX-01", "PA-01", "PA-02");
        Assert.Equal("pernicious-anaemia; B12 150 ng/L", CardSummary("PA-02"));
    }

    [Fact]
    public void Evaluate_DerivedFact_KeepsItsFieldsRuleAndBasis()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(DerivedTypes, DxRule));
        var lab = Lab("b12-total", "2026-10-01", 120, "pmol/L");

        // Act
        Evaluate(Lab("b12-total", "2026-05-01", 100, "pmol/L"), lab);

        // Assert
        var status = Assert.Single(Derived("b12-status"));
        Assert.Equal("DX-01", status.RuleId);
        Assert.Equal("deficient", status.Fields["state"].Text);
        Assert.Same(lab, status.Fields["result"].Fact);
        Assert.Equal([lab], status.Basis);
        Assert.Equal("b12-status", status.FactType);
        Assert.Equal("Rule", status.Source.ResourceType);
        Assert.Equal("b12-status", status.Label);
    }

    [Fact]
    public void Sources_FiringOnADerivedFact_FollowsTheBasisBackToFhirSources()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            DxRule,
            Rule("PA-01", "- b12-status:\n  as: s\n- finding: pernicious-anaemia\n  as: pa", "- derive: b12-cause\n  with: { cause: pa.label, status: s }"),
            Rule("PA-02", "- b12-cause:\n  as: c")));
        var lab = Lab("b12-total", "2026-10-01", 120, "pmol/L", id: "b12");
        var pa = Condition("pernicious-anaemia", "2020-01-01", id: "pa");

        // Act
        Evaluate(lab, pa);

        // Assert
        var sources = Fired("PA-02").Sources();
        Assert.Equal(["Observation/b12", "Condition/pa"], sources.Select(s => s.Reference));
    }

    [Fact]
    public void Sources_FiringOnAnAggregate_ListsItsMembers()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - patient:
            - count: { administration: b12-replacement }
              as: doses
            """)));

        // Act
        Evaluate(
            Patient(40, id: "p"),
            Administration("b12-replacement", "2026-10-01", id: "d1"),
            Administration("b12-replacement", "2026-10-03", id: "d2"));

        // Assert
        Assert.Equal(["Patient/p", "MedicationAdministration/d1", "MedicationAdministration/d2"], Fired("TS-01").Sources().Select(s => s.Reference));
    }

    [Fact]
    public void Sources_SameFactThroughTwoPaths_ListedOnce()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(DerivedTypes, DxRule, Rule("DX-02", "- b12-status:\n  as: s\n- lab: b12-total")));
        var lab = Lab("b12-total", "2026-10-01", 120, "pmol/L", id: "b12");

        // Act
        Evaluate(lab);

        // Assert
        Assert.Equal(["Observation/b12"], Fired("DX-02").Sources().Select(s => s.Reference));
    }

    [Fact]
    public void Evaluate_EachPatternWithTwoMatchingLabs_FiresTwice()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total\n  where: value < 133 pmol/L")));

        // Act
        Evaluate(Lab("b12-total", "2026-09-01", 100, "pmol/L"), Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        FiredTimes("TS-01", 2);
        Assert.Equal(2, Result.Cards.Count);
    }

    [Fact]
    public void Evaluate_SelectLatestWithTwoMatchingLabs_FiresOnce()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total\n  select: latest\n  where: value < 133 pmol/L")));

        // Act
        Evaluate(Lab("b12-total", "2026-09-01", 100, "pmol/L"), Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        FiredTimes("TS-01", 1);
    }

    [Fact]
    public void Evaluate_RuleRematchedAfterEachDerivation_FiresOncePerDerivedFact()
    {
        // Arrange: FL-01 and FL-02 each derive a flag; FL-03 reads flags and is re-matched after each derivation.
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            Rule("FL-01", "- patient:", "- derive: flag\n  with: { name: one }", "priority: 20"),
            Rule("FL-02", "- patient:", "- derive: flag\n  with: { name: two }", "priority: 10"),
            Rule("FL-03", "- flag:\n  as: f", "- card: { indicator: info, summary: \"{f.name}\" }")));

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("FL-01", "FL-02", "FL-03", "FL-03");
        Assert.Equal(["one", "two"], Result.Cards.Select(c => c.Summary));
    }

    [Fact]
    public void Evaluate_TwoRulesDeriveTheSameFact_OneDerivedFactAndOneDownstreamFiring()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            Rule("FL-01", "- patient:", "- derive: flag\n  with: { name: anaemia }", "priority: 20"),
            Rule("FL-02", "- patient:", "- derive: flag\n  with: { name: ANAEMIA }", "priority: 10"),
            Rule("FL-03", "- flag:")));

        // Act
        Evaluate(Patient(40));

        // Assert
        var flag = Assert.Single(Derived("flag"));
        Assert.Equal("FL-01", flag.RuleId);
        FiredTimes("FL-03", 1);
        FiredTimes("FL-02", 1);
    }

    [Fact]
    public void Evaluate_DerivedFactWithADateField_IsDatedForWindows()
    {
        // Arrange: a derived type with a 'date' field is dated, so 'within' and 'latest' apply to it.
        GivenRules(RuleFileWithDerived(
            "episode:\n  fields: { date: date }",
            Rule("EP-01", "- lab: b12-total\n  as: b12", "- derive: episode\n  with: { date: b12.effective }", "priority: 10"),
            Rule("EP-02", "- episode:\n  within: 30 days")));

        // Act
        Evaluate(Lab("b12-total", DaysAgo(60), 120, "pmol/L"), Lab("b12-total", DaysAgo(10), 120, "pmol/L"));

        // Assert
        FiredTimes("EP-01", 2);
        FiredTimes("EP-02", 1);
    }

    [Fact]
    public void Evaluate_AggregateOverDerivedFacts_CountsThem()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            DerivedTypes,
            Rule("FL-01", "- finding: [pernicious-anaemia, coeliac-disease]\n  as: f", "- derive: flag\n  with: { name: f.label }", "priority: 10"),
            Rule("FL-02", "- count: { flag: }\n  as: n\n  where: count >= 2")));

        // Act
        Evaluate(Condition("pernicious-anaemia", "2020-01-01"), Condition("coeliac-disease", "2021-01-01"));

        // Assert
        FiredTimes("FL-02", 1);
        var aggregate = Assert.IsType<AggregateFact>(Bound(Fired("FL-02"), "n"));
        Assert.All(aggregate.Members, m => Assert.IsType<DerivedFact>(m));
        Assert.Equal(2, aggregate.Members.Count);
    }

    [Fact]
    public void Evaluate_MatchedFactsOfAFiring_AreTheInputRecords()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total\n  as: b12")));
        Fact lab = Lab("b12-total", "2026-10-01", 120, "pmol/L");

        // Act
        Evaluate(lab);

        // Assert
        Assert.Same(lab, Bound(Fired("TS-01"), "b12"));
    }
}
