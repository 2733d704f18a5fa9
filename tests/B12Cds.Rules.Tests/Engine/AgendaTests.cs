using B12Cds.Rules.Engine;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>The agenda: priority then rule order, profiles, draft and retired rules, and the cycle guard.</summary>
public sealed class AgendaTests : RuleTestFixture
{
    private const string Counter = """
        ping:
          fields: { n: number }
        pong:
          fields: { n: number }
        """;

    [Fact]
    public void Evaluate_HigherPriority_FiresFirst()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", "- patient:"),
            Rule("TS-02", "- patient:", header: "priority: 10"),
            Rule("TS-03", "- patient:", header: "priority: -5"),
            Rule("TS-04", "- patient:", header: "priority: 100")));

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("TS-04", "TS-02", "TS-01", "TS-03");
        Assert.Equal([1, 2, 3, 4], Result.Firings.Select(f => f.Sequence));
    }

    [Fact]
    public void Evaluate_EqualPriority_FileOrder()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-03", "- patient:"),
            Rule("TS-01", "- patient:"),
            Rule("TS-02", "- patient:")));

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("TS-03", "TS-01", "TS-02");
    }

    [Fact]
    public void Evaluate_EqualPriorityAcrossFiles_FilesInNameOrder()
    {
        // Arrange: b.yaml is given first, but a.yaml comes first by name.
        Given(LoadFiles(
            ("b.yaml", RuleFile(Rule("TS-01", "- patient:"))),
            ("a.yaml", RuleFile(Rule("TS-02", "- patient:"), Rule("TS-03", "- patient:")))));

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("TS-02", "TS-03", "TS-01");
        Assert.Equal([0, 1, 2], new[] { "TS-02", "TS-03", "TS-01" }.Select(id => RuleSet.ById[id].Order));
    }

    [Fact]
    public void Evaluate_SameRuleSeveralMatches_InTheOrderTheFactsWereGiven()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total\n  as: b12")));
        var a = Lab("b12-total", "2026-10-01", 120, "pmol/L");
        var b = Lab("b12-total", "2026-09-01", 130, "pmol/L");

        // Act
        Evaluate(a, b);

        // Assert
        Assert.Equal([a, b], FiringsOf("TS-01").Select(f => Bound(f, "b12")));
        Assert.Equal([1, 2], FiringsOf("TS-01").Select(f => f.Sequence));
    }

    [Fact]
    public void Evaluate_ChainedRuleOfHigherPriority_FiresAsSoonAsItIsActivated()
    {
        // Arrange: TS-02 (priority 50) is activated by TS-01 and fires before TS-03 (priority 10), activated from the start.
        GivenRules(RuleFileWithDerived(
            Counter,
            Rule("TS-01", "- patient:", "- derive: ping\n  with: { n: 1 }", "priority: 90"),
            Rule("TS-02", "- ping:", header: "priority: 50"),
            Rule("TS-03", "- patient:", header: "priority: 10")));

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("TS-01", "TS-02", "TS-03");
    }

    [Theory]
    [InlineData("profiles: [us]", "uk", false)]
    [InlineData("profiles: [us]", "us", true)]
    [InlineData("profiles: [uk]", "uk", true)]
    [InlineData("profiles: [uk, us]", "us", true)]
    [InlineData(null, "us", true)]
    [InlineData(null, "uk", true)]
    public void Evaluate_Profiles_RuleRunsOnlyInItsProfiles(string? header, string profile, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- patient:", header: header)));
        Profile = profile;

        // Act
        Evaluate(Patient(40));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Theory]
    [InlineData("status: draft", false, false)]
    [InlineData("status: draft", true, true)]
    [InlineData("status: retired", false, false)]
    [InlineData("status: retired", true, false)]
    [InlineData("status: active", false, true)]
    [InlineData(null, false, true)]
    public void Evaluate_Status_DraftsOnlyOnRequestRetiredNever(string? header, bool includeDrafts, bool fires)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- patient:", header: header)));
        Options = new EvaluationOptions { IncludeDrafts = includeDrafts };

        // Act
        Evaluate(Patient(40));

        // Assert
        Assert.Equal(fires, FiringsOf("TS-01").Count == 1);
    }

    [Fact]
    public void Evaluate_RetiredRule_StillInTheRuleSet()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- patient:", header: "status: retired")));

        // Act
        Evaluate(Patient(40));

        // Assert
        Assert.Equal(Model.RuleStatus.Retired, RuleSet.ById["TS-01"].Status);
        Assert.Empty(Result.Firings);
    }

    [Fact]
    public void Evaluate_TwoRulesFeedingEachOtherForever_RuleCycleExceptionNamingBoth()
    {
        // Arrange: PI-01 seeds ping 0; PO-01 turns ping n into pong n+1; PI-02 turns pong n into ping n+1: ever-new facts.
        GivenRules(RuleFileWithDerived(
            Counter,
            Rule("PI-01", "- patient:", "- derive: ping\n  with: { n: 0 }"),
            Rule("PO-01", "- ping:\n  as: p", "- derive: pong\n  with: { n: p.n + 1 }"),
            Rule("PI-02", "- pong:\n  as: q", "- derive: ping\n  with: { n: q.n + 1 }")));
        Options = new EvaluationOptions { MaxFirings = 25 };

        // Act
        var ex = Assert.Throws<RuleCycleException>(() => Evaluate(Patient(40)));

        // Assert
        Assert.Contains("PO-01", ex.RuleIds);
        Assert.Contains("PI-02", ex.RuleIds);
        Assert.Equal(["PI-02", "PO-01"], ex.RuleIds.Take(2).Order());
        Assert.Contains("PO-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PI-02", ex.Message, StringComparison.Ordinal);
        Assert.Contains("25 firings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SelfFeedingCounter_RuleCycleException()
    {
        // Arrange
        GivenRules(RuleFileWithDerived(
            Counter,
            Rule("PI-01", "- patient:", "- derive: ping\n  with: { n: 0 }"),
            Rule("PI-02", "- ping:\n  as: p", "- derive: ping\n  with: { n: p.n + 1 }")));
        Options = new EvaluationOptions { MaxFirings = 10 };

        // Act
        var ex = Assert.Throws<RuleCycleException>(() => Evaluate(Patient(40)));

        // Assert
        Assert.Equal("PI-02", ex.RuleIds[0]);
    }

    [Fact]
    public void Evaluate_LoopThatConverges_NoException()
    {
        // Arrange: the same derived fact again is not new, so the loop stops by itself.
        GivenRules(RuleFileWithDerived(
            Counter,
            Rule("PI-01", "- patient:", "- derive: ping\n  with: { n: 1 }"),
            Rule("PO-01", "- ping:\n  as: p", "- derive: pong\n  with: { n: p.n }"),
            Rule("PI-02", "- pong:\n  as: q", "- derive: ping\n  with: { n: q.n }")));
        Options = new EvaluationOptions { MaxFirings = 25 };

        // Act
        Evaluate(Patient(40));

        // Assert
        FiredInOrder("PI-01", "PO-01", "PI-02");
        Assert.Equal(2, Result.DerivedFacts.Count);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void Evaluate_MaxFirings_CountsEveryFiring(int maxFirings, bool throws)
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- lab: b12-total")));
        Options = new EvaluationOptions { MaxFirings = maxFirings };
        var labs = new[] { Lab("b12-total", "2026-08-01", 1, "pmol/L"), Lab("b12-total", "2026-09-01", 1, "pmol/L"), Lab("b12-total", "2026-10-01", 1, "pmol/L") };

        // Act
        var ex = Record.Exception(() => Evaluate(labs));

        // Assert
        Assert.Equal(throws, ex is RuleCycleException);
        if (!throws)
        {
            FiredTimes("TS-01", 3);
        }
    }
}
