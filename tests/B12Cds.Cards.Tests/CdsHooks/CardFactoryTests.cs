using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;
using B12Cds.Fhir.Model;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>Card shape: indicator, summary, detail, source and topic, links, override reasons, and the extension naming the rules behind the card.</summary>
public sealed class CardFactoryTests
{
    private const string Vegan = "vegan-dietary-deficiency.json";
    private const string Neuro = "pernicious-anaemia-neuro.json";
    private const string NeuroPatient = "Patient/49898516-ab9d-48cc-b18b-a26e93b3db8e";

    [Fact]
    public void Create_DeficientB12_CardHasIndicatorSummaryDetailAndTopic()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var card = new CardFactory(rules).Create(result).Cards.Single(c => c.Extension!.Rules[0].Id == "DX-04");

        // Assert
        Assert.Equal("warning", card.Indicator);
        Assert.Equal("Vitamin B12 deficiency confirmed: total B12 150 ng/L (2026-10-18)", card.Summary);
        Assert.Equal("**Found:** total B12 150 ng/L on 2026-10-18.", card.Detail);
        Assert.Equal("B12 CDS", card.Source.Label);
        Assert.Equal(new Coding { System = "urn:b12cds:area", Code = "diagnosis", Display = "Diagnosis" }, card.Source.Topic);
        Assert.Equal([new CdsLink("NICE NG239", "https://www.nice.org.uk/guidance/ng239", "absolute")], card.Links);
    }

    [Fact]
    public void Create_RenderedSummaryOver139Characters_TruncatedWithEllipsisAndFullTextInDetail()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);
        var full = result.Cards.First(c => c.Firing.Rule.Id == "NE-01").Summary;

        // Act
        var card = new CardFactory(rules).Create(result).Cards[0];

        // Assert
        Assert.True(full.Length >= 140, $"The fixture's rendered summary should be too long: {full.Length}");
        Assert.True(card.Summary.Length < 140, $"{card.Summary.Length}: {card.Summary}");
        Assert.EndsWith("\u2026", card.Summary, StringComparison.Ordinal);
        Assert.StartsWith(card.Summary[..^1], full, StringComparison.Ordinal);
        Assert.Equal($"{full}\n\n**Found:** Paraesthesia of feet with B12 deficiency.", card.Detail);
    }

    [Fact]
    public void Create_ShortSummary_KeptWhole()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var response = new CardFactory(rules).Create(result);

        // Assert
        Assert.All(response.Cards, c => Assert.True(c.Summary.Length < 140));
        Assert.Contains(response.Cards, c => c.Summary == "Vitamin B12 deficiency confirmed: total B12 80 pmol/L (2026-10-22)");
    }

    [Fact]
    public void Create_CardOnDerivedFact_ExtensionNamesRulesVersionAndExplanation()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var extension = new CardFactory(rules).Create(result).Cards[0].Extension!;

        // Assert
        Assert.Equal([new RuleReference("NE-01", rules.Version), new RuleReference("DX-04", rules.Version)], extension.Rules);
        Assert.Equal(rules.Version, extension.RuleSetVersion);
        var card = extension.Explanation[0];
        Assert.Equal(("NE-01", "card", 2), (card.Rule, card.Role, card.Sequence));
        Assert.Equal("Neurological features with B12 deficiency need urgent treatment", card.Title);
        Assert.Equal("S4", Assert.Single(card.Citations).Source);
        Assert.Equal(["dx", "neuro"], card.Facts.Select(f => f.Binding));
        Assert.Equal(("rule:DX-04", "rule DX-04"), (card.Facts[0].Reference, card.Facts[0].Path));
        Assert.Equal(("Condition/7e2121bb-8bba-404e-a0f5-f378fab8e446", "Bundle.entry[1].resource"), (card.Facts[1].Reference, card.Facts[1].Path));
        var basis = extension.Explanation[1];
        Assert.Equal(("DX-04", "basis", 1), (basis.Rule, basis.Role, basis.Sequence));
        var b12 = Assert.Single(basis.Facts);
        Assert.Equal(("b12", "lab", "Observation/da1321ef-d643-45c6-9bcd-c216dc1e1439"), (b12.Binding, b12.Type, b12.Reference));
        Assert.Equal("https://www.nice.org.uk/guidance/ng239", Assert.Single(basis.Citations).Url);
    }

    [Fact]
    public void Create_EveryCard_OffersOverrideReasonsWithDisplay()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var cards = new CardFactory(rules).Create(result).Cards;

        // Assert
        Assert.All(cards, card =>
        {
            Assert.Equal(["already-treated", "patient-declined", "not-relevant", "snooze-1-week", "snooze-1-month", "snooze-3-months"], card.OverrideReasons.Select(r => r.Code));
            Assert.All(card.OverrideReasons, r => Assert.Equal("urn:b12cds:override-reason", r.System));
            Assert.All(card.OverrideReasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Display)));
        });
    }

    [Fact]
    public void Create_Options_SourceLabelUrlAndIcon()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Vegan);
        var options = new CardOptions { ServiceBaseUrl = "https://cds.example.org/cds-services", IconUrl = "https://cds.example.org/icon.png", SourceLabel = "B12 CDS (test)" };

        // Act
        var source = new CardFactory(rules).Create(result, options).Cards[0].Source;

        // Assert
        Assert.Equal(("B12 CDS (test)", "https://cds.example.org/cds-services", "https://cds.example.org/icon.png"), (source.Label, source.Url, source.Icon));
    }

    [Fact]
    public void Create_NoCardConclusions_EmptyResponse()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, "normal-results.json");

        // Act
        var response = new CardFactory(rules).Create(result);

        // Assert
        Assert.Empty(response.Cards);
        Assert.Equal("""{"cards":[]}""", CdsHooksJson.Serialize(response));
    }

    [Fact]
    public void Create_Cards_OrderedCriticalWarningInfoThenByFiringSequence()
    {
        // Arrange
        var rules = Evaluations.LoadRules(
            RuleYaml.Card("DX-91", "info", 40) + RuleYaml.Card("DX-92", "warning", 30) + RuleYaml.Card("DX-93", "critical", 20) + RuleYaml.Card("DX-94", "warning", 10));
        var result = Evaluations.Evaluate(rules, Vegan);

        // Act
        var cards = new CardFactory(rules).Create(result).Cards;

        // Assert
        Assert.Equal(["DX-91", "DX-92", "DX-93", "DX-94"], result.Firings.Select(f => f.Rule.Id));
        Assert.Equal(["DX-93", "DX-92", "DX-94", "DX-91"], cards.Select(c => c.Extension!.Rules[0].Id));
    }
}
