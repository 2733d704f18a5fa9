using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Cards sharing a group collapse to the most urgent (then highest priority, then first fired); the others are listed in its explanation.</summary>
public sealed class CardGroupTests
{
    [Fact]
    public void Create_CriticalAndWarningInOneGroup_KeepsCriticalAndListsOthersAsSuppressed()
    {
        // Arrange: NE-01 (critical) fires on paraesthesia and on ataxia, RG-01 (warning) once, all in group "regimen".
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, "pernicious-anaemia-neuro.json");

        // Act
        var cards = new CardFactory(rules).Create(result).Cards;

        // Assert
        Assert.Equal(["NE-01", "DX-04"], cards.Select(c => c.Extension!.Rules[0].Id));
        var suppressed = cards[0].Extension!.Explanation.Where(e => e.Role == CardExplanation.SuppressedRole).ToList();
        Assert.Equal([("NE-01", 3, "critical"), ("RG-01", 4, "warning")], suppressed.Select(s => (s.Rule, s.Sequence, s.Indicator!)));
        Assert.All(suppressed, s => Assert.Equal("regimen", s.Group));
        Assert.Contains("Gait ataxia", suppressed[0].Summary, StringComparison.Ordinal);
        Assert.Equal("Bundle.entry[2].resource", suppressed[0].Facts.Single(f => f.Binding == "neuro").Path);
    }

    [Fact]
    public void Create_GroupTieOnIndicator_KeepsHigherPriorityEvenWhenItFiredLater()
    {
        // Arrange: DX-91 (priority 10) fires before DX-93 (priority 50), which waits for DX-92's derived fact.
        var rules = Evaluations.LoadRules(
            RuleYaml.Card("DX-91", "warning", 10, group: "g") +
            """
              - id: DX-92
                title: Derives the status
                area: diagnosis
                priority: 0
                citations: [ { source: S1c } ]
                when:
                  - lab: b12-total
                    as: b12
                    select: latest
                then:
                  - derive: b12-status
                    with: { state: deficient, result: b12 }
              - id: DX-93
                title: Card on the status
                area: diagnosis
                priority: 50
                citations: [ { source: S1c } ]
                when:
                  - b12-status:
                    as: dx
                then:
                  - card: { indicator: warning, summary: "DX-93 on the status", group: g }

            """);
        var result = Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json");

        // Act
        var card = Assert.Single(new CardFactory(rules).Create(result).Cards);

        // Assert
        Assert.Equal(["DX-91", "DX-92", "DX-93"], result.Firings.Select(f => f.Rule.Id));
        Assert.Equal("DX-93", card.Extension!.Rules[0].Id);
        Assert.Equal("DX-91", card.Extension.Explanation.Single(e => e.Role == CardExplanation.SuppressedRole).Rule);
    }

    [Fact]
    public void Create_GroupTieOnIndicatorAndPriority_KeepsFirstFired()
    {
        // Arrange
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "info", 10, group: "g") + RuleYaml.Card("DX-92", "info", 10, group: "g"));
        var result = Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json");

        // Act
        var card = Assert.Single(new CardFactory(rules).Create(result).Cards);

        // Assert
        Assert.Equal("DX-91", card.Extension!.Rules[0].Id);
    }

    [Fact]
    public void Create_DifferentGroups_BothKept()
    {
        // Arrange
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "info", 10, group: "a") + RuleYaml.Card("DX-92", "critical", 10, group: "b"));
        var result = Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json");

        // Act
        var cards = new CardFactory(rules).Create(result).Cards;

        // Assert
        Assert.Equal(["DX-92", "DX-91"], cards.Select(c => c.Extension!.Rules[0].Id));
        Assert.All(cards, c => Assert.DoesNotContain(c.Extension!.Explanation, e => e.Role == CardExplanation.SuppressedRole));
    }
}
