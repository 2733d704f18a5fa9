using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>Look-back windows (within) and the evaluation time: facts after it are never seen.</summary>
public sealed class WindowTests : RuleTestFixture
{
    private const string Parameters = """
        version: 2026.11.0
        parameters:
          lookback_dx: { value: 180 days, status: design }
        """;

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(180, true)]
    [InlineData(181, false)]
    [InlineData(400, false)]
    public void Evaluate_Within180Days_InsideUpToTheBoundary(int daysAgo, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              within: 180 days
            """)));

        // Act
        Evaluate(Lab("b12-total", DaysAgo(daysAgo), 120, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public void Evaluate_WithinAParameter_UsesItsValue(int daysAgo, bool fires)
    {
        // Arrange
        GivenRules(
            RuleFile(Rule("TS-01", """
                - lab: b12-total
                  within: $lookback_dx
                """)),
            Parameters);

        // Act
        Evaluate(Lab("b12-total", DaysAgo(daysAgo), 120, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-02-27", false)]
    public void Evaluate_WithinMonths_CalendarMonthsBack(string labDate, bool fires)
    {
        // Arrange: one calendar month before 31 March is 28 February (not 30.4 days).
        Now = At("2026-03-31");
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              within: 1 month
            """)));

        // Act
        Evaluate(Lab("b12-total", labDate, 120, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2025-11-01", true)]
    [InlineData("2025-10-31", false)]
    public void Evaluate_WithinAYear_CalendarYearBack(string labDate, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
              within: 1 year
            """)));

        // Act
        Evaluate(Lab("b12-total", labDate, 120, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("2026-10-31T23:59:59Z", true)]
    [InlineData("2026-11-01T00:00:00Z", true)]
    [InlineData("2026-11-01T00:00:01Z", false)]
    [InlineData("2026-11-02", false)]
    public void Evaluate_FactDatedAfterTheEvaluationTime_IsNotSeen(string labDate, bool fires)
    {
        // Arrange: no window at all.
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));

        // Act
        Evaluate(Lab("b12-total", labDate, 120, "pmol/L"));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_FutureFactAndNot_DoesNotBlock()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", """
            - lab: b12-total
            - not: { medication: b12-replacement }
            """)));

        // Act: replacement started after the evaluation time.
        Evaluate(Lab("b12-total", DaysAgo(10), 120, "pmol/L"), Medication("b12-replacement", DaysAgo(-5)));

        // Assert
        Fired("TS-01");
    }

    [Fact]
    public void Evaluate_FutureFactAndSelectLatest_ChoosesTheLatestSeen()
    {
        // Arrange
        GivenRules(RuleFile(Rule(
            "TS-01",
            """
            - lab: b12-total
              as: b12
              select: latest
            """,
            "- card: { indicator: info, summary: \"{b12.effective:date}\" }")));

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 120, "pmol/L"), Lab("b12-total", "2026-12-01", 500, "pmol/L"));

        // Assert
        Assert.Equal("2026-10-01", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_TheSameChartAtAnEarlierTime_SeesLess()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));
        var lab = Lab("b12-total", "2026-10-01", 120, "pmol/L");

        // Act
        Now = At("2026-09-30");
        Evaluate(lab);
        var before = Result;
        Now = At("2026-10-02");
        Evaluate(lab);

        // Assert
        Assert.Empty(before.Firings);
        Assert.Single(Result.Firings);
    }

    [Fact]
    public void Evaluate_FindingWithoutDate_SeenWithoutWindowButNotWithinOne()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", "- finding: pernicious-anaemia"),
            Rule("TS-02", """
                - finding: pernicious-anaemia
                  within: 5 years
                """)));

        // Act
        Evaluate(Condition("pernicious-anaemia", onset: null));

        // Assert
        Fired("TS-01");
        NotFired("TS-02");
    }

    [Fact]
    public void Evaluate_UndatedFactType_AlwaysSeen()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- allergy: cobalt-allergy")));

        // Act
        Now = At("1990-01-01");
        Evaluate(Allergy("cobalt-allergy"));

        // Assert
        Fired("TS-01");
    }
}
