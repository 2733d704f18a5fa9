using B12Cds.Rules.Engine;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>
/// Patterns written alike in several rules share what they find in an evaluation (as NRules shares alpha nodes):
/// each rule still binds its own slots, a derived fact renews the shared result, and a pattern that reads a
/// binding is never shared.
/// </summary>
public sealed class SharedPatternTests : RuleTestFixture
{
    private const string Flag = """
        flag:
          fields: { name: text }
        """;

    [Fact]
    public void Load_PatternsWrittenAlike_ShareOneKey_OneReadingABindingDoesNot()
    {
        // Arrange and act
        GivenRules(RuleFile(
            Rule("TS-01", "- lab: b12-total\n  as: b12\n  select: latest\n  where: value < 133 pmol/L"),
            Rule("TS-02", "- patient:\n  as: p\n- lab: b12-total\n  as: low\n  select: latest\n  where: value < 133 pmol/L"),
            Rule("TS-03", "- patient:\n  as: p\n- lab: b12-total\n  as: b12\n  select: latest\n  where: value < 133 pmol/L and p.age > 40"),
            Rule("TS-04", "- lab: b12-total\n  as: b12\n  select: earliest\n  where: value < 133 pmol/L")));

        // Assert
        var first = LabPattern("TS-01").Shared;
        Assert.NotNull(first);
        Assert.Same(first, LabPattern("TS-02").Shared);
        Assert.True(first.IsShared);
        Assert.Null(LabPattern("TS-03").Shared);
        Assert.NotSame(first, LabPattern("TS-04").Shared);
        Assert.False(LabPattern("TS-04").Shared!.IsShared);
    }

    [Fact]
    public void Evaluate_SelectWrittenAlikeInTwoRules_EachBindsTheSameLatestLabInItsOwnSlot()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", "- lab: b12-total\n  as: b12\n  select: latest\n  where: value < 133 pmol/L"),
            Rule("TS-02", "- patient:\n  as: p\n- lab: b12-total\n  as: low\n  select: latest\n  where: value < 133 pmol/L")));
        var older = Lab("b12-total", "2026-09-01", 100, "pmol/L");
        var latest = Lab("b12-total", "2026-10-01", 120, "pmol/L");

        // Act
        Evaluate(Patient(50), older, latest);

        // Assert
        Assert.Same(latest, Bound(Fired("TS-01"), "b12"));
        Assert.Same(latest, Bound(Fired("TS-02"), "low"));
    }

    [Fact]
    public void Evaluate_NotWrittenAlikeOnADerivedType_BothWithdrawnOnceTheFactIsDerived()
    {
        // Arrange: both negations are worked out before TS-01 fires, and again after it derives a flag.
        GivenRules(RuleFileWithDerived(
            Flag,
            Rule("TS-01", "- patient:", "- derive: flag\n  with: { name: raised }", "priority: 10"),
            Rule("TS-02", "- lab: b12-total\n- not:\n    flag:\n    where: name = raised"),
            Rule("TS-03", "- patient:\n- not:\n    flag:\n    where: name = raised")));

        // Act
        Evaluate(Patient(50), Lab("b12-total", "2026-10-01", 120, "pmol/L"));

        // Assert
        FiredInOrder("TS-01");
    }

    [Fact]
    public void Evaluate_CountWrittenAlikeInTwoRules_BothCountTheSameFacts()
    {
        // Arrange
        GivenRules(RuleFile(
            Rule("TS-01", "- count: { lab: b12-total, within: 90 days }\n  as: n\n  where: count >= 2"),
            Rule("TS-02", "- count: { lab: b12-total, within: 90 days }\n  as: m\n  where: count >= 3")));

        // Act
        Evaluate(Lab("b12-total", DaysAgo(10), 120, "pmol/L"), Lab("b12-total", DaysAgo(40), 130, "pmol/L"), Lab("b12-total", DaysAgo(200), 140, "pmol/L"));

        // Assert
        Fired("TS-01");
        NotFired("TS-02");
    }

    private FactPatternNode LabPattern(string ruleId) =>
        RuleSet.ById[ruleId].Patterns.OfType<FactPatternNode>().Single(p => p.Type.Name == "lab");
}
