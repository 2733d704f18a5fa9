using B12Cds.Rules.Model;
using B12Cds.Rules.Scenarios;

namespace B12Cds.Rules.Tests.Scenarios;

/// <summary>Running scenarios (against DX-04 alone, so the expected diffs stay put as the rule set grows): unmet expectations come back as the right expected/actual diff, with the trace.</summary>
public sealed class ScenarioRunnerTests
{
    private const string Vegan = "../../fhir-samples/vegan-dietary-deficiency.json";
    private const string Normal = "../../fhir-samples/normal-results.json";

    [Fact]
    public void Run_AllExpectationsMet_PassesWithTraceOfSources()
    {
        // Arrange
        var scenario = Scenario(Vegan, "fired: [DX-04]", "cards: [ { rule: DX-04, indicator: warning, summaryContains: 150 ng/L } ]", "facts: [ { type: b12-status, state: deficient } ]");

        // Act
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Assert
        Assert.True(result.Passed, ScenarioReport.Describe(result));
        Assert.Equal(["DX-04"], result.FiredRules);
        var card = Assert.Single(result.Cards);
        Assert.Equal(("DX-04", "warning"), (card.Rule, card.Indicator));
        var step = Assert.Single(result.Trace);
        Assert.Equal((1, "DX-04"), (step.Sequence, step.RuleId));
        var fact = Assert.Single(step.Matched);
        Assert.Equal(("b12", "lab"), (fact.Binding, fact.FactType));
        Assert.Equal("Observation/bd232bf7-d365-45fa-984d-49de88cc2654", fact.Reference);
        Assert.StartsWith("Bundle.entry[", fact.SourcePath, StringComparison.Ordinal);
        Assert.Contains("150 ng/L", fact.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExpectedRuleDoesNotFire_FailureSaysItDidNotFire()
    {
        // Arrange
        var scenario = Scenario(Normal, "fired: [DX-04]");

        // Act
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Assert
        Assert.False(result.Passed);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("DX-04 fires", failure.Expected);
        Assert.Equal("DX-04 did not fire (no rule fired)", failure.Actual);
    }

    [Fact]
    public void Run_RuleThatMustNotFireFires_FailureNamesTheFactsItFiredOn()
    {
        // Arrange
        var scenario = Scenario(Vegan, "notFired: [DX-04]");

        // Act
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Assert
        var failure = Assert.Single(result.Failures);
        Assert.Equal("DX-04 does not fire", failure.Expected);
        Assert.StartsWith("DX-04 fired once (#1 on b12 = b12-total ", failure.Actual, StringComparison.Ordinal);
        Assert.Contains("150 ng/L", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongIndicator_FailureShowsTheIndicatorGiven()
    {
        // Arrange
        var scenario = Scenario(Vegan, "cards: [ { rule: DX-04, indicator: critical } ]");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal("a DX-04 critical card", failure.Expected);
        Assert.Equal("DX-04 gave a warning card", failure.Actual);
    }

    [Fact]
    public void Run_SummaryWithoutText_FailureQuotesTheSummary()
    {
        // Arrange
        var scenario = Scenario(Vegan, "cards: [ { rule: DX-04, summaryContains: 999 ng/L } ]");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal("a DX-04 card whose summary contains \"999 ng/L\"", failure.Expected);
        Assert.StartsWith("DX-04's card summary is \"Vitamin B12 deficiency confirmed: total B12 150 ng/L", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExpectedCardMissing_FailureListsTheCardsThereAre()
    {
        // Arrange
        var scenario = Scenario(Normal, "cards: [ { rule: DX-04 } ]");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal("no card from DX-04 (no cards)", failure.Actual);
    }

    [Fact]
    public void Run_NoCardsButACard_FailureListsIt()
    {
        // Arrange
        var scenario = Scenario(Vegan, "noCards: true");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal("no cards", failure.Expected);
        Assert.StartsWith("1 card(s): DX-04 warning \"Vitamin B12 deficiency confirmed", failure.Actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts: [ { type: b12-status, state: unlikely } ]", "derived a b12-status fact with state: unlikely")]
    [InlineData("facts: [ { type: b12-status, where: result.reported < 100 ng/L } ]", "derived a b12-status fact where result.reported < 100 ng/L")]
    public void Run_DerivedFactDiffers_FailureShowsTheFactDerived(string expect, string expected)
    {
        // Arrange
        var scenario = Scenario(Vegan, expect);

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal(expected, failure.Expected);
        Assert.StartsWith("b12-status derived: b12-status { state: deficient, result: ", failure.Actual, StringComparison.Ordinal);
        Assert.EndsWith("from DX-04", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FactWhereHolds_Passes()
    {
        // Arrange
        var scenario = Scenario(Vegan, "facts: [ { type: b12-status, where: state = deficient and result.reported < 151 ng/L and result.effective > now - 30 days } ]");

        // Act
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Assert
        Assert.True(result.Passed, ScenarioReport.Describe(result));
    }

    [Fact]
    public void Run_DerivedFactMissing_FailureSaysNoneDerived()
    {
        // Arrange
        var scenario = Scenario(Normal, "facts: [ { type: b12-status } ]");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal("no b12-status fact was derived", failure.Actual);
    }

    [Fact]
    public void Run_RegimenExpectedOnEmptyCarePlan_FailureSaysItIsEmpty()
    {
        // Arrange
        var regimen = ScenarioTestData.Dx04RuleSet.Regimens.Keys.Order(StringComparer.Ordinal).First();
        var scenario = Scenario(Vegan, $"carePlan: [{regimen}]");

        // Act
        var failure = Assert.Single(ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet).Failures);

        // Assert
        Assert.Equal($"{regimen} on the CarePlan", failure.Expected);
        Assert.Equal($"{regimen} is not on it (the CarePlan is empty)", failure.Actual);
    }

    [Fact]
    public void Run_SeveralUnmetExpectations_EachReported()
    {
        // Arrange
        var scenario = Scenario(Normal, "fired: [DX-04]", "cards: [ { rule: DX-04, indicator: warning } ]", "facts: [ { type: b12-status } ]");

        // Act
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Assert
        Assert.Equal(3, result.Failures.Count);
    }

    [Fact]
    public void Run_DraftRule_FiresOnlyWithIncludeDrafts()
    {
        // Arrange
        var ruleSet = ScenarioTestData.RuleSetWith("""
            version: 2026.11.0
            rules:
              - id: DX-90
                title: Any total B12 (draft)
                area: diagnosis
                status: draft
                citations: [ { source: test } ]
                when:
                  - lab: b12-total
                    as: b12
                then:
                  - card: { indicator: info, summary: "B12 {b12.result}" }
            """);
        var without = Scenario(Vegan, ruleSet, includeDrafts: false, "fired: [DX-90]");
        var with = Scenario(Vegan, ruleSet, includeDrafts: true, "fired: [DX-90]", "cards: [ { rule: DX-90, indicator: info, summaryContains: B12 150 ng/L } ]");

        // Act
        var withoutResult = ScenarioRunner.Run(without, ruleSet);
        var withResult = ScenarioRunner.Run(with, ruleSet);

        // Assert
        Assert.Equal("DX-90 did not fire: it is a draft and the scenario does not include drafts (no rule fired)", Assert.Single(withoutResult.Failures).Actual);
        Assert.True(withResult.Passed, ScenarioReport.Describe(withResult));
    }

    [Fact]
    public void Describe_FailingScenario_DiffThenWhatRanThenTrace()
    {
        // Arrange
        var scenario = Scenario(Vegan, "notFired: [DX-04]");
        var result = ScenarioRunner.Run(scenario, ScenarioTestData.Dx04RuleSet);

        // Act
        var lines = ScenarioReport.Describe(result, "  ").Split(Environment.NewLine);

        // Assert
        Assert.Equal("  expected: DX-04 does not fire", lines[0]);
        Assert.StartsWith("  actual:   DX-04 fired once", lines[1], StringComparison.Ordinal);
        Assert.Equal($"  run at 2026-11-01, profile uk, on bundle {Vegan}", lines[2]);
        Assert.Equal("    rules fired: DX-04", lines[3]);
        Assert.StartsWith("    cards:       DX-04 warning \"Vitamin B12 deficiency confirmed", lines[4], StringComparison.Ordinal);
        Assert.Equal("    CarePlan:    (none)", lines[5]);
        Assert.Equal("  trace:", lines[6]);
        Assert.Equal("    #1 DX-04 Total B12 below 180 ng/L (133 pmol/L) confirms deficiency", lines[7]);
        Assert.StartsWith("        b12: b12-total ", lines[8], StringComparison.Ordinal);
        Assert.Contains("@ Bundle.entry[", lines[8], StringComparison.Ordinal);
        Assert.EndsWith("(Observation/bd232bf7-d365-45fa-984d-49de88cc2654)", lines[8], StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NothingFired_SaysSo()
    {
        // Arrange
        var result = ScenarioRunner.Run(Scenario(Normal, "fired: [DX-04]"), ScenarioTestData.Dx04RuleSet);

        // Act
        var text = ScenarioReport.Describe(result, string.Empty);

        // Assert
        Assert.Contains("rules fired: (none)", text, StringComparison.Ordinal);
        Assert.Contains("trace: no rule fired", text, StringComparison.Ordinal);
    }

    private static Scenario Scenario(string bundle, params string[] expect) =>
        Scenario(bundle, ScenarioTestData.Dx04RuleSet, includeDrafts: false, expect);

    private static Scenario Scenario(string bundle, RuleSet ruleSet, bool includeDrafts, params string[] expect)
    {
        // A scenario file as if it were in rules/b12/, so the bundle path resolves to the real samples.
        var file = Path.Combine(ScenarioTestData.RulesFolder, "b12", "runner-test.scenarios.yaml");
        var yaml = $"""
            scenarios:
              - name: runner test
                at: 2026-11-01
                profile: uk
                includeDrafts: {(includeDrafts ? "true" : "false")}
                given:
                  bundle: {bundle}
                expect:
            {string.Join(Environment.NewLine, expect.Select(e => "      " + e))}
            """;
        var result = ScenarioReader.Read(file, yaml, ruleSet);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        return Assert.Single(result.Scenarios);
    }
}
