using B12Cds.Rules.Scenarios;

namespace B12Cds.Rules.Tests.Scenarios;

/// <summary>
/// Every scenario of the repository's rules folder (<c>rules/**/*.scenarios.yaml</c>) runs as a test case, exactly as
/// <c>b12cds test</c> runs it; a failure shows the same diff and trace.
/// </summary>
public sealed class RuleScenarioTests
{
    private static readonly Lazy<ScenarioLoadResult> Loaded = new(() => ScenarioReader.LoadDirectory(ScenarioTestData.RulesFolder, ScenarioTestData.RealLoad.RuleSet));

    /// <summary>Gets every scenario, named <c>relative/file.scenarios.yaml:line name</c>.</summary>
    public static TheoryData<string> AllScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Loaded.Value.Scenarios)
        {
            data.Add(Key(scenario));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void Scenario_RunAgainstRealRules_Passes(string scenarioKey)
    {
        // Arrange
        var ruleSet = ScenarioTestData.RealLoad.RuleSet;
        Assert.True(ruleSet is not null, "rules/ does not load:" + Environment.NewLine + string.Join(Environment.NewLine, ScenarioTestData.RealLoad.Errors));
        var scenario = Loaded.Value.Scenarios.Single(s => Key(s) == scenarioKey);

        // Act
        var result = ScenarioRunner.Run(scenario, ruleSet);

        // Assert
        Assert.True(result.Passed, $"{scenarioKey} failed:{Environment.NewLine}{ScenarioReport.Describe(result)}");
    }

    [Fact]
    public void ScenarioFiles_ReadAgainstRealRules_NoDiagnosticsAndScenariosFound()
    {
        // Arrange
        var loaded = Loaded.Value;

        // Act
        var diagnostics = loaded.Diagnostics.Select(d => d.ToString()).ToList();

        // Assert
        Assert.Empty(diagnostics);
        Assert.Equal(0, loaded.Rejected);
        Assert.Contains(loaded.Files, f => f.EndsWith("diagnosis.scenarios.yaml", StringComparison.Ordinal));
        Assert.True(loaded.Scenarios.Count >= 8, $"only {loaded.Scenarios.Count} scenarios");
    }

    private static string Key(Scenario scenario) =>
        $"{Path.GetRelativePath(ScenarioTestData.RulesFolder, scenario.File).Replace('\\', '/')}:{scenario.Location.Line} {scenario.Name}";
}
