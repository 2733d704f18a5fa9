using System.Text.RegularExpressions;

namespace B12Cds.Cli.Tests.Rules;

/// <summary><c>b12cds lint</c>: every problem as <c>file:line:column: error|warning ID: message</c>, a summary, exit 0 or 1.</summary>
public sealed partial class LintCommandTests
{
    [Fact]
    public void Run_RealRules_Exit0AndSummaryWithoutErrors()
    {
        // Act
        var result = RulesCli.Run("lint", RulesCli.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.DoesNotContain(result.OutputLines, l => l.Contains(": error ", StringComparison.Ordinal));
        var summary = result.OutputLines.Last(l => l.Length > 0);
        Assert.Matches(Summary(), summary);
        Assert.Contains(": 0 errors, ", summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Run_CleanRules_OnlyTheSummaryLine()
    {
        // Arrange
        using var workspace = new RulesWorkspace();

        // Act
        var result = RulesCli.Run("lint", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var summary = Assert.Single(result.OutputLines, l => l.Length > 0);
        Assert.Matches(Summary(), summary);
        Assert.StartsWith("1 rule in 1 file, version ", summary, StringComparison.Ordinal);
        Assert.EndsWith("; 3 scenarios in 1 file: 0 errors, 0 warnings", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RuleFileWithAnError_Exit1AndFileLineColumnPrinted()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "area: diagnosis", "area: diagnosys");
        var (line, column) = workspace.Find("b12/diagnosis.yaml", "diagnosys");

        // Act
        var result = RulesCli.Run("lint", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        var file = workspace.PathOf("b12/diagnosis.yaml");
        var error = Assert.Single(result.OutputLines, l => l.Contains(" error ", StringComparison.Ordinal));
        Assert.StartsWith($"{file}:{line}:{column}: error RULE004: 'diagnosys' is not a valid area", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'diagnosis'?", error, StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.StartsWith("The rule set in ", StringComparison.Ordinal) && l.Contains("does not load: 1 error, 0 warnings", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ScenarioFileWithUnknownRule_Exit1AndScenarioPositionPrinted()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.scenarios.yaml", "notFired: [DX-04]", "notFired: [DX-4]");
        var (line, column) = workspace.Find("b12/diagnosis.scenarios.yaml", "DX-4]");

        // Act
        var result = RulesCli.Run("lint", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        var file = workspace.PathOf("b12/diagnosis.scenarios.yaml");
        Assert.Contains(result.OutputLines, l => l.StartsWith($"{file}:{line}:{column}: error SCEN001: There is no rule 'DX-4'", StringComparison.Ordinal));
        Assert.Matches(Summary(), result.OutputLines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Run_WarningOnly_Exit0()
    {
        // Arrange: scenarios that expect a draft rule to fire without includeDrafts are warnings, not errors.
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "    priority: 100", "    priority: 100\n    status: draft");

        // Act
        var result = RulesCli.Run("lint", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.Contains(result.OutputLines, l => l.Contains(": warning SCEN005: DX-04 is a draft", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Schema_PrintsEveryFactTypeAndFieldWithTypeAndDescription()
    {
        // Arrange
        using var workspace = new RulesWorkspace();

        // Act
        var result = RulesCli.Run("lint", workspace.RulesFolder, "--schema");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = result.OutputLines;
        foreach (var type in new[] { "patient", "lab", "finding", "medication", "administration", "procedure", "allergy" })
        {
            Assert.Contains(lines, l => l.StartsWith(type + ": ", StringComparison.Ordinal));
        }

        Assert.Contains("b12-status (derived by DX-04; read by no rule): Derived by rules: b12-status.", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  reported\s+quantity\s+The value as reported"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  maintenance_interval_days\s+number\s+Days between doses in the last dosage phase"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  maintenance_dose\s+quantity \(ug\)\s+The dose per administration of the last dosage phase"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  state\s+text\s+"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  \$lookback_dx\s+180 days\s+design"));
    }

    [Fact]
    public void Run_MissingFolder_Exit2()
    {
        // Arrange
        using var temp = new TempFolder();

        // Act
        var result = RulesCli.Run("lint", Path.Combine(temp.Path, "nowhere"));

        // Assert
        Assert.True(result.ExitCode == CliApp.CannotRun, result.ToString());
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d+ rules? in \d+ files?, version \d+\.\d+\.\d+\+\w+, \d+ parameters?, \d+ regimens?, \d+ value sets?, \d+ lab analytes?; \d+ scenarios? in \d+ files?: \d+ errors?, \d+ warnings?$")]
    private static partial Regex Summary();
}
