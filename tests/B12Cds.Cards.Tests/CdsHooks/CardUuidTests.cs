using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Deterministic uuids: the same input always gives the same card and suggestion uuids; another patient or hook call gives others.</summary>
public sealed class CardUuidTests
{
    private const string Neuro = "pernicious-anaemia-neuro.json";

    [Fact]
    public void Create_SameInputTwice_SameUuidsAndSameJson()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var options = new CardOptions { PatientId = "p1", HookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea" };

        // Act
        var first = new CardFactory(rules).Create(Evaluations.Evaluate(rules, Neuro), options);
        var second = new CardFactory(rules).Create(Evaluations.Evaluate(rules, Neuro), options);

        // Assert
        Assert.Equal(Uuids(first), Uuids(second));
        Assert.Equal(CdsHooksJson.Serialize(first), CdsHooksJson.Serialize(second));
    }

    [Fact]
    public void Create_EveryCardAndSuggestion_HasDistinctVersion5Uuid()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;

        // Act
        var uuids = Uuids(new CardFactory(rules).Create(Evaluations.Evaluate(rules, Neuro), new CardOptions { PatientId = "p1" }));

        // Assert
        Assert.Equal(5, uuids.Count);
        Assert.Equal(uuids.Count, uuids.Distinct().Count());
        Assert.All(uuids, u => Assert.Equal(5, Guid.Parse(u).Version));
    }

    [Fact]
    public void Create_DifferentPatient_DifferentUuids()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);
        var factory = new CardFactory(rules);

        // Act
        var forP1 = Uuids(factory.Create(result, new CardOptions { PatientId = "p1" }));
        var forP2 = Uuids(factory.Create(result, new CardOptions { PatientId = "p2" }));

        // Assert
        Assert.Empty(forP1.Intersect(forP2));
    }

    [Fact]
    public void Create_DifferentHookInstance_DifferentUuids()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);
        var factory = new CardFactory(rules);

        // Act
        var first = Uuids(factory.Create(result, new CardOptions { PatientId = "p1", HookInstance = "h1" }));
        var second = Uuids(factory.Create(result, new CardOptions { PatientId = "p1", HookInstance = "h2" }));

        // Assert
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Create_SameRuleOnDifferentFacts_DifferentUuids()
    {
        // Arrange: one rule, the same patient id, two different B12 results.
        var rules = Evaluations.LoadRules(RuleYaml.Card("DX-91", "warning", 10));
        var vegan = new CardFactory(rules).Create(Evaluations.Evaluate(rules, "vegan-dietary-deficiency.json"), new CardOptions { PatientId = "p1" });
        var neuro = new CardFactory(rules).Create(Evaluations.Evaluate(rules, Neuro), new CardOptions { PatientId = "p1" });

        // Act
        var veganUuid = vegan.Cards.Single().Uuid;
        var neuroUuid = neuro.Cards.Single().Uuid;

        // Assert
        Assert.NotEqual(veganUuid, neuroUuid);
    }

    private static List<string> Uuids(CdsResponse response) =>
        [.. response.Cards.Select(c => c.Uuid!), .. response.Cards.SelectMany(c => c.Suggestions).Select(s => s.Uuid!)];
}
