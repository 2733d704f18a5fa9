using B12Cds.Facts.Model;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>Patterns: a fact type and value sets, conditions on the fact, joins between bindings, check.</summary>
public sealed class PatternTests : RuleTestFixture
{
    [Fact]
    public void Evaluate_LabOfTheNamedAnalyte_Fires()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        Fired("TS-01");
    }

    [Fact]
    public void Evaluate_LabOfAnotherAnalyte_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));

        // Act
        Evaluate(Lab("b12-active", "2026-10-01", 20, "pmol/L"), Lab("folate-serum", "2026-10-01", 2, "ug/L"));

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_NoFacts_NothingFires()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));

        // Act
        Evaluate();

        // Assert
        Assert.Empty(Result.Firings);
        Assert.Empty(Result.Cards);
        Assert.Empty(Result.Errors);
    }

    [Theory]
    [InlineData("ppi", true)]
    [InlineData("h2ra", true)]
    [InlineData("metformin", false)]
    public void Evaluate_PatternWithSeveralValueSets_MatchesAnyOfThem(string valueSet, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- medication: [ppi, h2ra]")));

        // Act
        Evaluate(Medication(valueSet, "2026-01-01"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("finding", "pernicious-anaemia")]
    [InlineData("medication", "metformin")]
    [InlineData("administration", "b12-replacement")]
    [InlineData("procedure", "gastrectomy")]
    [InlineData("allergy", "cobalt-allergy")]
    public void Evaluate_EachFactType_MatchesOnlyFactsOfThatType(string type, string valueSet)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"- {type}: {valueSet}")));
        Fact[] all =
        [
            Condition(valueSet, "2026-01-01"),
            Medication(valueSet, "2026-01-01"),
            Administration(valueSet, "2026-01-01"),
            Procedure(valueSet, "2026-01-01"),
            Allergy(valueSet),
        ];

        // Act
        Evaluate(all);

        // Assert
        var firing = Assert.Single(FiringsOf("TS-01"));
        var matched = Assert.Single(firing.Matched);
        Assert.Equal(type, matched.Fact.FactType);
    }

    [Fact]
    public void Evaluate_FactInTheValueSetOfAnotherType_DoesNotMatch()
    {
        // Arrange: a finding that (oddly) carries the metformin value set is not a medication.
        GivenRules(RuleFile(Rule("TS-01", "- medication: metformin")));

        // Act
        Evaluate(Condition("metformin", "2026-01-01"));

        // Assert
        NotFired("TS-01");
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    [InlineData(80, true)]
    public void Evaluate_PatientPatternWithWhere_TestsTheField(int age, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - patient:
              where: age >= 16 and sex = female
            """)));

        // Act
        Evaluate(Patient(age, "female"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData(FactStatus.Active, true)]
    [InlineData(FactStatus.Inactive, false)]
    [InlineData(FactStatus.Proposed, false)]
    public void Evaluate_WhereOnStatus_OnlyMatchingFactsMatch(FactStatus status, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: metformin
              where: status = active
            """)));

        // Act
        Evaluate(Medication("metformin", "2026-01-01", status));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", false)]
    public void Evaluate_WhereJoinsAnEarlierBinding_LabAfterMedicationStartMatches(string labDate, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: metformin
              as: met
            - lab: b12-total
              as: b12
              where: effective > met.start
            """)));

        // Act
        Evaluate(Medication("metformin", "2026-01-01"), Lab("b12-total", labDate, 150, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2025-12-31", false)]
    public void Evaluate_CheckOverTwoBindings_FiresWhenItHolds(string labDate, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: metformin
              as: met
            - lab: b12-total
              as: b12
            - check: b12.effective > met.start
            """)));

        // Act
        Evaluate(Medication("metformin", "2026-01-01"), Lab("b12-total", labDate, 150, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_JoinOfTwoEachPatterns_OneFiringPerPairThatMatches()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: metformin
              as: met
            - lab: b12-total
              as: b12
              where: effective > met.start
            """)));
        var early = Medication("metformin", "2026-01-01");
        var late = Medication("metformin", "2026-07-01");
        var spring = Lab("b12-total", "2026-04-01", 150, "pmol/L");
        var autumn = Lab("b12-total", "2026-10-01", 150, "pmol/L");

        // Act
        Evaluate(early, late, spring, autumn);

        // Assert: early×spring, early×autumn, late×autumn.
        FiredTimes("TS-01", 3);
        var pairs = FiringsOf("TS-01").Select(f => (Bound(f, "met"), Bound(f, "b12"))).ToList();
        Assert.Contains((early, spring), pairs);
        Assert.Contains((early, autumn), pairs);
        Assert.Contains((late, autumn), pairs);
    }

    [Fact]
    public void Evaluate_Firing_MatchedHoldsEachBindingAndUnnamedPatterns()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: metformin
              as: met
            - lab: b12-total
            """)));
        var met = Medication("metformin", "2026-01-01");
        var lab = Lab("b12-total", "2026-10-01", 150, "pmol/L");

        // Act
        Evaluate(met, lab);

        // Assert
        var firing = Fired("TS-01");
        Assert.Equal([("met", (Fact)met), (null, lab)], firing.Matched.Select(m => (m.Binding, m.Fact)));
    }

    [Theory]
    [InlineData(new[] { "b12-replacement", "hydroxocobalamin" }, "m in hydroxocobalamin", true)]
    [InlineData(new[] { "b12-replacement", "cyanocobalamin" }, "m in hydroxocobalamin", false)]
    [InlineData(new[] { "b12-replacement", "cyanocobalamin" }, "m not in hydroxocobalamin", true)]
    [InlineData(new[] { "b12-replacement", "hydroxocobalamin" }, "m not in hydroxocobalamin", false)]
    public void Evaluate_InValueSetOnABinding_TestsTheFactsValueSets(string[] valueSets, string check, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", $"""
            - medication: b12-replacement
              as: m
            - check: {check}
            """)));

        // Act
        Evaluate(Medication("b12-replacement", "2026-01-01") with { Concepts = In(valueSets) });

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_InValueSetOnTheCurrentBindingOfAJoin_TestsTheEarlierFact()
    {
        // Arrange: which medication class preceded the low B12.
        GivenRules(RuleFile(Rule("TS-01", """
            - medication: ng239-risk-medicines
              as: risk
            - lab: b12-total
              where: risk in ppi and effective > risk.start
            """)));

        // Act
        Evaluate(
            Medication("ng239-risk-medicines", "2026-01-01") with { Concepts = In("ng239-risk-medicines", "metformin") },
            Medication("ng239-risk-medicines", "2026-02-01") with { Concepts = In("ng239-risk-medicines", "ppi") },
            Lab("b12-total", "2026-10-01", 150, "pmol/L"));

        // Assert
        var firing = Assert.Single(FiringsOf("TS-01"));
        Assert.True(Bound(firing, "risk").Is("ppi"));
    }
}
