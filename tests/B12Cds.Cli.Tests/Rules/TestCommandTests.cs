namespace B12Cds.Cli.Tests.Rules;

/// <summary><c>b12cds test</c>: PASS/FAIL per scenario, the diff and trace for failures, and <c>N passed, N failed</c> last.</summary>
public sealed class TestCommandTests
{
    [Fact]
    public void Run_RealRules_Exit0AndClosingLine()
    {
        // Act
        var result = RulesCli.Run("test", RulesCli.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = result.OutputLines.Where(l => l.Length > 0).ToList();
        var passed = lines.Count(l => l.StartsWith("PASS  ", StringComparison.Ordinal));
        Assert.True(passed > 0, result.ToString());
        Assert.Equal($"{passed} passed, 0 failed", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_AllPass_PassLinesWithFileAndLineThenClosingLine()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        var file = workspace.PathOf("b12/diagnosis.scenarios.yaml");

        // Act
        var result = RulesCli.Run("test", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = result.OutputLines.Where(l => l.Length > 0).ToList();
        Assert.Matches(@"^Rule set \d+\.\d+\.\d+\+\w+: running 3 scenarios from 1 file\.$", lines[0]);
        Assert.Equal(
            [
                $"PASS  {file}:2  DX-04 fires on 150 ng/L in a vegan patient",
                $"PASS  {file}:14  Near miss: 140 pmol/L after ileal resection",
                $"PASS  {file}:22  Near miss: normal results",
                "3 passed, 0 failed",
            ],
            lines[1..]);
    }

    [Fact]
    public void Run_Filter_OnlyMatchingScenarios()
    {
        // Arrange
        using var workspace = new RulesWorkspace();

        // Act
        var result = RulesCli.Run("test", workspace.RulesFolder, "--filter", "NEAR MISS");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.Equal(2, result.OutputLines.Count(l => l.StartsWith("PASS  ", StringComparison.Ordinal)));
        Assert.Equal("2 passed, 0 failed", result.OutputLines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Run_ThresholdChanged_Exit1WithDiffAndTrace()
    {
        // Arrange: 150 pmol/L takes in the Crohn's patient's 140 pmol/L, which a scenario says must not fire.
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "reported < 133 pmol/L", "reported < 150 pmol/L");

        // Act
        var result = RulesCli.Run("test", workspace.RulesFolder, "--filter", "ileal");

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        var lines = result.OutputLines;
        var fail = lines.ToList().FindIndex(l => l.StartsWith("FAIL  ", StringComparison.Ordinal));
        Assert.True(fail >= 0, result.ToString());
        Assert.Matches(@"^FAIL  .*diagnosis\.scenarios\.yaml:\d+  Near miss: 140 pmol/L after ileal resection", lines[fail]);
        Assert.Equal("      expected: DX-04 does not fire", lines[fail + 1]);
        Assert.StartsWith("      actual:   DX-04 fired once (#1 on b12 = b12-total 140 pmol/L", lines[fail + 2], StringComparison.Ordinal);
        Assert.Contains("        rules fired: DX-04", lines);
        Assert.Contains(lines, l => l.StartsWith("        cards:       DX-04 warning \"Vitamin B12 deficiency confirmed: total B12 140 pmol/L", StringComparison.Ordinal));
        Assert.Contains("        CarePlan:    (none)", lines);
        Assert.Contains(lines, l => l.StartsWith("        #1 DX-04 Total B12 below", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("@ Bundle.entry[", StringComparison.Ordinal) && l.Contains("(Observation/f4f4d1b7-34b8-4182-8c52-05cbdd51b3cc)", StringComparison.Ordinal));
        Assert.Equal("0 passed, 1 failed", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Run_ScenarioFileWithError_CountedAsFailed()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.scenarios.yaml", "bundle: ../../fhir-samples/normal-results.json", "bundle: ../../fhir-samples/normal.json");

        // Act
        var result = RulesCli.Run("test", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        Assert.Contains(result.OutputLines, l => l.Contains(": error SCEN002: The bundle file '../../fhir-samples/normal.json' does not exist", StringComparison.Ordinal));
        Assert.Equal("2 passed, 1 failed", result.OutputLines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Run_RulesThatDoNotLoad_Exit2()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "select: latest", "select: newest");

        // Act
        var result = RulesCli.Run("test", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.CannotRun, result.ToString());
        Assert.Contains(result.OutputLines, l => l.Contains(": error RULE004: 'newest' is not a selection", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutputLines, l => l.EndsWith(" failed", StringComparison.Ordinal));
    }
}
