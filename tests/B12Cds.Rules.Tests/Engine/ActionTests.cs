using B12Cds.Rules.Model;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>Actions: cards (templates, links, suggestions, group), CarePlan entries, derived facts.</summary>
public sealed class ActionTests : RuleTestFixture
{
    private string RenderB12(string template, params B12Cds.Facts.Model.Fact[] facts)
    {
        GivenRules(RuleFile(Rule(
            "TS-01",
            """
            - lab: b12-total
              as: b12
            """,
            $"- card: {{ indicator: info, summary: \"{template}\" }}")));
        Evaluate(facts);
        return CardSummary("TS-01");
    }

    [Theory]
    [InlineData("{b12.value}", "132.8413 pmol/L")]
    [InlineData("{b12.reported}", "180 ng/L")]
    [InlineData("{b12.result}", "180 ng/L")]
    [InlineData("{b12.effective:date}", "2026-10-01")]
    [InlineData("{b12.effective}", "2026-10-01 09:30")]
    [InlineData("{b12.status}", "final")]
    [InlineData("{b12.analyte}", "b12-total")]
    [InlineData("{b12.positive}", "no")]
    [InlineData("{b12.comparator}", "unknown")]
    [InlineData("{b12}", "Vitamin B12 (cobalamin), total, serum or plasma")]
    [InlineData("B12 {b12.reported} on {b12.effective:date}.", "B12 180 ng/L on 2026-10-01.")]
    [InlineData("{{literal}} {b12.status}", "{literal} final")]
    [InlineData("{ b12.status }", "final")]
    [InlineData("{b12.effective - now}", "-30.6 days")]
    [InlineData("{now - b12.effective}", "30.6 days")]
    public void Evaluate_CardTemplate_RendersValues(string template, string expected)
    {
        // Act
        var summary = RenderB12(template, Lab("b12-total", "2026-10-01T09:30:00Z", 180, "ng/L"));

        // Assert
        Assert.Equal(expected, summary);
    }

    [Fact]
    public void Evaluate_CardTemplate_CensoredResultShowsItsComparator()
    {
        // Act
        var summary = RenderB12("{b12.result}", Lab("b12-total", "2026-10-01", 100, "ng/L") with { Comparator = "<" });

        // Assert
        Assert.Equal("<100 ng/L", summary);
    }

    [Fact]
    public void Evaluate_CardTemplate_DateWithOffsetKeepsItsLocalDate()
    {
        // Act
        var summary = RenderB12("{b12.effective:date}", Lab("b12-total", "2026-10-01T00:30:00+02:00", 100, "pmol/L"));

        // Assert
        Assert.Equal("2026-10-01", summary);
    }

    [Fact]
    public void Evaluate_CardTemplate_MicrogramsAndDurations()
    {
        // Arrange
        GivenRules(RuleFile(Rule(
            "TS-01",
            """
            - administration: b12-replacement
              as: dose
            - lab: hemoglobin
              as: hb
            """,
            "- card: { indicator: info, summary: \"{dose.dose} given; Hb {hb.effective - dose.effective} later\" }")));

        // Act
        Evaluate(Administration("b12-replacement", "2026-08-01", 1000), Lab("hemoglobin", "2026-09-26", 120, "g/L"));

        // Assert
        Assert.Equal("1000 micrograms given; Hb 56 days later", CardSummary("TS-01"));
    }

    [Fact]
    public void Evaluate_Card_DetailBlockLinksSuggestionsGroupAndArea()
    {
        // Arrange
        GivenRules(
            RuleFile(Rule(
                "TS-01",
                """
                - lab: b12-total
                  as: b12
                """,
                """
                - card:
                    indicator: critical
                    area: regimen
                    summary: "B12 {b12.reported}"
                    detail: |
                      **Found:** total B12 {b12.reported} on {b12.effective:date}.

                      **What to do:** start replacement.
                    links:
                      - { label: NICE NG239, url: "https://www.nice.org.uk/guidance/ng239" }
                      - { label: App, url: "https://example.org/launch", type: smart }
                    suggestions:
                      - { label: Start hydroxocobalamin, regimen: uk-test-im, recommended: true }
                      - { label: Order IFA, order: intrinsic-factor-antibody }
                      - { label: Refer, referral: haematology }
                    group: regimen
                """)),
            regimensYaml: TestRegimens);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 150, "ng/L"));

        // Assert
        var card = CardOf("TS-01");
        Assert.Equal("critical", card.Indicator);
        Assert.Equal("regimen", card.Area);
        Assert.Equal("B12 150 ng/L", card.Summary);
        Assert.Equal("**Found:** total B12 150 ng/L on 2026-10-01.\n\n**What to do:** start replacement.\n", card.Detail);
        Assert.Equal(
            [new CardLink("NICE NG239", "https://www.nice.org.uk/guidance/ng239"), new CardLink("App", "https://example.org/launch", "smart")],
            card.Links);
        Assert.Equal(
            [
                new SuggestionTemplate("Start hydroxocobalamin", "uk-test-im", null, null, true),
                new SuggestionTemplate("Order IFA", null, "intrinsic-factor-antibody", null, false),
                new SuggestionTemplate("Refer", null, null, "haematology", false),
            ],
            card.Suggestions);
        Assert.Equal("regimen", card.Group);
        Assert.Same(Fired("TS-01"), card.Firing);
    }

    [Fact]
    public void Evaluate_CardWithoutArea_TakesTheRulesArea()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- patient:")));

        // Act
        Evaluate(Patient(40));

        // Assert
        Assert.Equal("diagnosis", CardOf("TS-01").Area);
        Assert.Null(CardOf("TS-01").Detail);
        Assert.Null(CardOf("TS-01").Group);
        Assert.Empty(CardOf("TS-01").Links);
    }

    [Fact]
    public void Evaluate_Careplan_RegimenResolvedFromTheTable()
    {
        // Arrange
        GivenRules(
            RuleFile(Rule("RG-01", "- lab: b12-total", "- careplan: uk-test-im", "profiles: [uk]")),
            regimensYaml: TestRegimens);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 100, "pmol/L"));

        // Assert
        var entry = Assert.Single(Result.CarePlan);
        Assert.Same(Fired("RG-01"), entry.Firing);
        Assert.Same(RuleSet.Regimens["uk-test-im"], entry.Regimen);
        Assert.Equal("uk", entry.Regimen.Profile);
        Assert.Equal(["loading", "maintenance"], entry.Regimen.Phases.Select(p => p.Name));
        Assert.Equal(new B12Cds.Facts.Model.Measurement(1, "mg"), entry.Regimen.Phases[0].Dose);
        Assert.Equal(3, entry.Regimen.Phases[0].Frequency);
        Assert.Equal("wk", entry.Regimen.Phases[0].PeriodUnit);
        Assert.Equal(new B12Cds.Facts.Model.Measurement(2, "wk"), entry.Regimen.Phases[0].Duration);
        Assert.Equal("lifelong", entry.Regimen.Phases[1].Until);
        var followUp = Assert.Single(entry.Regimen.FollowUp);
        Assert.Equal(new RegimenFollowUp("hemoglobin", new B12Cds.Facts.Model.Measurement(8, "wk"), "Hb at 8 weeks"), followUp);
        Assert.Equal("317106", Assert.Single(entry.Regimen.Product.Coding!).Code);
    }

    [Fact]
    public void Evaluate_CareplanRuleInTheOtherProfile_NoCarePlan()
    {
        // Arrange
        GivenRules(
            RuleFile(Rule("RG-01", "- lab: b12-total", "- careplan: uk-test-im", "profiles: [uk]")),
            regimensYaml: TestRegimens);
        Profile = "us";

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 100, "pmol/L"));

        // Assert
        Assert.Empty(Result.CarePlan);
    }

    [Fact]
    public void Evaluate_SeveralActions_AllRunInOrder()
    {
        // Arrange
        GivenRules(
            RuleFileWithDerived(
                "b12-status:\n  fields: { state: text, result: lab }",
                Rule(
                    "RG-01",
                    "- lab: b12-total\n  as: b12",
                    """
                    - derive: b12-status
                      with: { state: deficient, result: b12 }
                    - card: { indicator: warning, summary: first }
                    - card: { indicator: info, summary: second }
                    - careplan: uk-test-im
                    """,
                    "profiles: [uk]")),
            regimensYaml: TestRegimens);

        // Act
        Evaluate(Lab("b12-total", "2026-10-01", 100, "pmol/L"));

        // Assert
        Assert.Single(Derived("b12-status"));
        Assert.Equal(["first", "second"], Result.Cards.Select(c => c.Summary));
        Assert.Single(Result.CarePlan);
        FiredTimes("RG-01", 1);
    }

    [Fact]
    public void Evaluate_Result_CarriesTheRuleSetVersionAndContext()
    {
        // Arrange
        GivenRules(RuleFile(Rule("TS-01", "- patient:")));

        // Act
        Evaluate(Patient(40));

        // Assert
        Assert.Equal(RuleSet.Version, Result.RuleSetVersion);
        Assert.StartsWith("2026.11.0+", Result.RuleSetVersion, StringComparison.Ordinal);
        Assert.Equal(new B12Cds.Rules.Engine.EvaluationContext(Now, "uk"), Result.Context);
    }
}
