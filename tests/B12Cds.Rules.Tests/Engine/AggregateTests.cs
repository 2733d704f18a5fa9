using B12Cds.Rules.Schema;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>Selections (latest, earliest, min, max) and aggregates (count, trend).</summary>
public sealed class AggregateTests : RuleTestFixture
{

    private const string HbTrend = """
        - trend: { lab: hemoglobin, of: value, within: 6 months }
          as: hb
          where: change < 10 g/L and days >= 56
        """;

    [Theory]
    [InlineData("latest", "2026-10-01")]
    [InlineData("earliest", "2026-08-01")]
    [InlineData("min value", "2026-09-01")]
    [InlineData("max value", "2026-08-01")]
    [InlineData("min effective", "2026-08-01")]
    [InlineData("max effective", "2026-10-01")]
    public void Evaluate_Select_BindsTheOneChosenFactOnce(string select, string expectedDate)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", SelectRule(select), "- card: { indicator: info, summary: \"{b12.effective:date} {b12.value}\" }")));

        // Act: out of date order; values 300, 120 (as 162.6 ng/L), 200.
        Evaluate(
            Lab("b12-total", "2026-08-01", 300, "pmol/L"),
            Lab("b12-total", "2026-10-01", 200, "pmol/L"),
            Lab("b12-total", "2026-09-01", 162.6m, "ng/L"));

        // Assert
        FiredTimes("TS-01", 1);
        Assert.StartsWith(expectedDate, CardSummary("TS-01"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SelectMinValueOfCanonicalValues_PicksTheLowest()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", SelectRule("min value"), "- card: { indicator: info, summary: \"{b12.reported}\" }")));

        // Act: 180 ng/L is 132.8 pmol/L, below 133 pmol/L.
        Evaluate(Lab("b12-total", "2026-08-01", 133, "pmol/L"), Lab("b12-total", "2026-09-01", 180, "ng/L"));

        // Assert
        Assert.Equal("180 ng/L", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_SelectMinValue_SkipsFactsWithoutAValue()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", SelectRule("min value"), "- card: { indicator: info, summary: \"{b12.effective:date}\" }")));

        // Act
        Evaluate(LabWithoutValue("b12-total", "2026-08-01"), Lab("b12-total", "2026-09-01", 400, "pmol/L"));

        // Assert
        Assert.Equal("2026-09-01", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_SelectLatestWithWhere_TestsWhereOnTheLatestFact()
    {
        // Arrange: latest chooses first, then where tests that fact ("the latest B12 is low"): an older low result
        // does not fire when a newer normal one exists.
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              as: b12
              select: latest
              where: value < 133 pmol/L
            """, "- card: { indicator: info, summary: \"{b12.effective:date}\" }")));

        // Act
        Evaluate(Lab("b12-total", "2026-08-01", 100, "pmol/L"), Lab("b12-total", "2026-10-01", 400, "pmol/L"));

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_SelectLatestWithWhere_FiresWhenTheLatestFactMatches()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              as: b12
              select: latest
              where: value < 133 pmol/L
            """, "- card: { indicator: info, summary: \"{b12.effective:date}\" }")));

        // Act
        Evaluate(Lab("b12-total", "2026-08-01", 400, "pmol/L"), Lab("b12-total", "2026-10-01", 100, "pmol/L"));

        // Assert
        Assert.Equal("2026-10-01", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_SelectWithNoMatchingFact_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", SelectRule("latest"))));

        // Act
        Evaluate(Lab("folate-serum", "2026-10-01", 2, "ug/L"));

        // Assert
        NotFired("TS-01");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Evaluate_CountWithWhere_FiresFromTheThreshold(int doses, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - count: { administration: b12-replacement, within: 14 days }
              as: doses
              where: count >= 3
            """)));
        var given = Enumerable.Range(1, doses).Select(i => Administration("b12-replacement", DaysAgo(i * 2), 1000)).ToArray();

        // Act
        Evaluate(given);

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
        if (fires)
        {
            Assert.Equal(doses, Aggregate("doses").Fields["count"].Number);
        }
    }

    [Fact]
    public void Evaluate_Count_CountsOnlyFactsInTheWindowAndInnerWhere()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - count: { administration: b12-replacement, within: 14 days, where: dose >= 1 mg }
              as: doses
            """)));
        var inWindow = Administration("b12-replacement", DaysAgo(2), 1000);
        var alsoInWindow = Administration("b12-replacement", DaysAgo(9), 1000);

        // Act: two 1 mg doses in the window, one 100 ug dose in it, one 1 mg dose before it, one after now.
        Evaluate(
            inWindow,
            alsoInWindow,
            Administration("b12-replacement", DaysAgo(5), 100),
            Administration("b12-replacement", DaysAgo(20), 1000),
            Administration("b12-replacement", DaysAgo(-1), 1000));

        // Assert
        var count = Aggregate("doses");
        Assert.Equal(2m, count.Fields["count"].Number);
        Assert.Equal([inWindow, alsoInWindow], count.Members);
    }

    [Fact]
    public void Evaluate_CountWithoutWhereAndNoFacts_MatchesWithZero()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - count: { administration: b12-replacement }
              as: doses
            """)));

        // Act
        Evaluate();

        // Assert
        Assert.Equal(0m, Aggregate("doses").Fields["count"].Number);
        Assert.Empty(Aggregate("doses").Members);
    }

    [Fact]
    public void Evaluate_CountWhereEqualsZero_FiresOnlyWithoutFacts()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - patient:
            - count: { administration: b12-replacement }
              where: count = 0
            """)));

        // Act
        Evaluate(Patient(40), Administration("b12-replacement", "2026-10-01"));

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_Count_AggregateIsBoundWithItsMembers()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - count: { administration: b12-replacement }
              as: doses
              where: count = 2
            """)));
        var a = Administration("b12-replacement", "2026-10-01");
        var b = Administration("b12-replacement", "2026-10-05");

        // Act
        Evaluate(a, b);

        // Assert
        var aggregate = Aggregate("doses");
        Assert.Equal("count", aggregate.Kind);
        Assert.Equal([a, b], aggregate.Members);
        Assert.Equal(2m, aggregate.Fields["count"].Number);
    }

    [Fact]
    public void Evaluate_CountFieldInACardTemplate_Renders()
    {
        // Arrange
        GivenRules(RuleFile(Rule(
            "TS-01",
            """
            - count: { administration: b12-replacement }
              as: doses
            """,
            "- card: { indicator: info, summary: \"{doses.count} doses\" }")));

        // Act
        Evaluate(Administration("b12-replacement", "2026-10-01"), Administration("b12-replacement", "2026-10-03"));

        // Assert
        Assert.Equal("2 doses", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_TrendFieldsInALaterCheck_ReadThroughTheBinding()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - trend: { lab: hemoglobin }
              as: hb
            - check: hb.first.value < 100 g/L and hb.last.value >= 100 g/L and hb.change > 0 g/L and hb.days > 30
            """)));

        // Act
        Evaluate(Lab("hemoglobin", "2026-08-01", 90, "g/L"), Lab("hemoglobin", "2026-10-01", 104, "g/L"));

        // Assert
        Fired("TS-01");
    }

    [Fact]
    public void Evaluate_Trend_FirstLastChangeAndDays()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", HbTrend)));
        var first = Lab("hemoglobin", "2026-08-01", 100, "g/L");
        var last = Lab("hemoglobin", "2026-10-01", 104, "g/L");

        // Act: out of order; 100 -> 104 g/L over 61 days.
        Evaluate(last, first, Lab("hemoglobin", "2026-09-01", 11.5m, "g/dL"));

        // Assert
        var trend = Aggregate("hb");
        Assert.Equal("trend", trend.Kind);
        Assert.Same(first, trend.Fields["first"].Fact);
        Assert.Same(last, trend.Fields["last"].Fact);
        Assert.Equal("4 g/L", trend.Fields["change"].ToString());
        Assert.Equal(61m, trend.Fields["days"].Number);
        Assert.Equal(3m, trend.Fields["count"].Number);
        Assert.Equal(3, trend.Members.Count);
    }

    [Fact]
    public void Evaluate_TrendRisingEnough_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", HbTrend)));

        // Act: a rise of 15 g/L.
        Evaluate(Lab("hemoglobin", "2026-08-01", 95, "g/L"), Lab("hemoglobin", "2026-10-01", 110, "g/L"));

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_TrendOverTooShortATime_DoesNotFire()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", HbTrend)));

        // Act: 50 days apart.
        Evaluate(Lab("hemoglobin", "2026-08-12", 100, "g/L"), Lab("hemoglobin", "2026-10-01", 101, "g/L"));

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_TrendFalling_ChangeIsNegative()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - trend: { lab: hemoglobin }
              as: hb
              where: change < -5 g/L
            """)));

        // Act
        Evaluate(Lab("hemoglobin", "2026-08-01", 120, "g/L"), Lab("hemoglobin", "2026-10-01", 10, "g/dL"));

        // Assert
        Assert.Equal("-20 g/L", Aggregate("hb").Fields["change"].ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Evaluate_TrendWithFewerThanTwoFacts_NoMatch(int results)
    {
        // Arrange: no where, so only the number of facts decides.
        GivenRules(RuleFile(Rule("TS-01", """
            - trend: { lab: hemoglobin }
              as: hb
            """)));

        // Act
        Evaluate(Enumerable.Range(0, results).Select(i => Lab("hemoglobin", DaysAgo(10 + i), 100, "g/L")).ToArray());

        // Assert
        NotFired("TS-01");
    }

    [Fact]
    public void Evaluate_TrendWindow_OnlyFactsInsideCount()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - trend: { lab: hemoglobin, within: 30 days }
              as: hb
            """)));

        // Act
        Evaluate(
            Lab("hemoglobin", DaysAgo(60), 80, "g/L"),
            Lab("hemoglobin", DaysAgo(20), 100, "g/L"),
            Lab("hemoglobin", DaysAgo(5), 103, "g/L"));

        // Assert
        Assert.Equal(2m, Aggregate("hb").Fields["count"].Number);
        Assert.Equal("3 g/L", Aggregate("hb").Fields["change"].ToString());
    }

    [Fact]
    public void Evaluate_TrendWithInnerWhere_OnlyMatchingFactsCount()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - trend: { lab: hemoglobin, where: status = final }
              as: hb
              where: count = 2
            """)));

        // Act
        Evaluate(
            Lab("hemoglobin", "2026-08-01", 80, "g/L"),
            Lab("hemoglobin", "2026-09-01", 90, "g/L") with { Status = "preliminary" },
            Lab("hemoglobin", "2026-10-01", 100, "g/L"));

        // Assert
        Assert.Equal("20 g/L", Aggregate("hb").Fields["change"].ToString());
    }

    private AggregateFact Aggregate(string binding) => Assert.IsType<AggregateFact>(Bound(Fired("TS-01"), binding));

    private static string SelectRule(string select) => $"""
        - lab: b12-total
          as: b12
          select: {select}
        """;
}
