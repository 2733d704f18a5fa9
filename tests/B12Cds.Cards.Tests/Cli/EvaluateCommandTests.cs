using System.Text.Json;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.Cli;

/// <summary><c>b12cds evaluate</c> in-process: exit codes 0/1/2, the JSON object's four keys, the text report, the profile default.</summary>
[Collection(EnvironmentTestGroup.Name)]
public sealed class EvaluateCommandTests : IDisposable
{
    private const string ProfileVariable = "B12CDS_PROFILE";
    private readonly string? _savedProfile = Environment.GetEnvironmentVariable(ProfileVariable);

    public EvaluateCommandTests()
    {
        Environment.SetEnvironmentVariable(ProfileVariable, null);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(ProfileVariable, _savedProfile);

    [Fact]
    public void Run_SampleWithFixtureRulesJson_Exit0OneObjectWithTheFourKeys()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("pernicious-anaemia-neuro.json"), "--at", "2026-11-01", "--profile", "uk", "--format", "json", "--rules", rules.Path);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(["firedRules", "cards", "carePlan", "trace"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["DX-04", "NE-01", "RG-01"], document.RootElement.GetProperty("firedRules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, document.RootElement.GetProperty("cards").GetArrayLength());
        Assert.Equal("CarePlan", document.RootElement.GetProperty("carePlan").GetProperty("resourceType").GetString());
        Assert.Equal(4, document.RootElement.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public void Run_SampleWithTheRealRulesJson_Exit0AndEveryFiredRuleVersioned()
    {
        // Arrange
        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--format", "json", "--rules", RepoPaths.Rules);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal(["firedRules", "cards", "carePlan", "trace"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var fired = document.RootElement.GetProperty("firedRules").EnumerateArray().ToList();
        Assert.NotEmpty(fired);
        Assert.Single(fired.Select(r => r.GetProperty("version").GetString()).Distinct());
        Assert.All(document.RootElement.GetProperty("cards").EnumerateArray(), c => Assert.True(c.GetProperty("extension").GetProperty("b12cds.rules").GetArrayLength() > 0));
    }

    [Fact]
    public void Run_TextFormat_Exit0CardsCarePlanAndTrace()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("pernicious-anaemia-neuro.json"), "--at", "2026-11-01", "--profile", "uk", "--rules", rules.Path);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("B12 CDS evaluation of pernicious-anaemia-neuro.json at 2026-11-01T00:00:00Z, profile uk, rule set 2026.11.0+", run.Output, StringComparison.Ordinal);
        Assert.Contains("[CRITICAL] B12 deficiency with neurological features (Paraesthesia of feet)", run.Output, StringComparison.Ordinal);
        Assert.Contains("    **Found:** Paraesthesia of feet with B12 deficiency.", run.Output, StringComparison.Ordinal);
        Assert.Contains("      - Start hydroxocobalamin 1 mg IM alternate days [recommended]", run.Output, StringComparison.Ordinal);
        Assert.Contains("CarePlan (draft proposal): Vitamin B12 treatment: Hydroxocobalamin IM, neurological involvement", run.Output, StringComparison.Ordinal);
        Assert.Contains("1) 1 mg intramuscular, every 2 days, continue until no further improvement", run.Output, StringComparison.Ordinal);
        Assert.Contains("Reticulocytes, percent of erythrocytes on 2026-11-11", run.Output, StringComparison.Ordinal);
        Assert.Contains("Trace (4 firing(s)):", run.Output, StringComparison.Ordinal);
        Assert.Contains("  #1 DX-04  Total B12 below 180 ng/L (133 pmol/L) confirms deficiency  [diagnosis, priority 100]", run.Output, StringComparison.Ordinal);
        Assert.Contains("b12: Observation/da1321ef-d643-45c6-9bcd-c216dc1e1439 (Bundle.entry[4].resource)", run.Output, StringComparison.Ordinal);
        Assert.Contains("cites S1c: NICE NG239 thresholds <https://www.nice.org.uk/guidance/ng239>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NotJson_Exit1OperationOutcomeOnStdout()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();
        var input = Path.Combine(rules.Path, "broken.json");
        File.WriteAllText(input, """{ "resourceType": "Bundle", "type": """);

        // Act
        var run = Support.Cli.Run("evaluate", input, "--at", "2026-11-01", "--format", "json", "--rules", rules.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("OperationOutcome", document.RootElement.GetProperty("resourceType").GetString());
    }

    [Fact]
    public void Run_RulesWithErrors_Exit2EachDiagnosticOnStderr()
    {
        // Arrange
        using var rules = TempRulesFolder.Create(withFixtureRules: false, ("b12/broken.yaml", """
            version: 2026.11.0
            rules:
              - id: DX-99
                title: Broken
                area: diagnosis
                citations: [ { source: S1 } ]
                when:
                  - lab: no-such-analyte
                then:
                  - careplan: no-such-regimen
            """));

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--rules", rules.Path);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        var diagnostics = run.Error.Split('\n').Where(l => l.Contains("broken.yaml:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Contains("no-such-analyte", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("no-such-regimen", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingFile_Exit2()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();

        // Act
        var run = Support.Cli.Run("evaluate", Path.Combine(rules.Path, "nothing-here.json"), "--rules", rules.Path);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("File not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "yesterday")]
    [InlineData("--profile", "fr")]
    [InlineData("--format", "xml")]
    public void Run_BadOption_Exit2(string option, string value)
    {
        // Arrange
        using var rules = TempRulesFolder.Create();

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), option, value, "--rules", rules.Path);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public void Run_NoProfileAnywhere_UsesUs()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--rules", rules.Path);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(", profile us, ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Fired: DX-04\n", run.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProfileInEnvironment_UsedWhenNoOption()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();
        Environment.SetEnvironmentVariable(ProfileVariable, "uk");

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--rules", rules.Path);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(", profile uk, ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Fired: DX-04, RG-01", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProfileOptionAndEnvironment_OptionWins()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();
        Environment.SetEnvironmentVariable(ProfileVariable, "uk");

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--profile", "us", "--rules", rules.Path);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(", profile us, ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProfileInEnvironmentInvalid_Exit2()
    {
        // Arrange
        using var rules = TempRulesFolder.Create();
        Environment.SetEnvironmentVariable(ProfileVariable, "france");

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample("vegan-dietary-deficiency.json"), "--at", "2026-11-01", "--rules", rules.Path);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("B12CDS_PROFILE", run.Error, StringComparison.Ordinal);
    }
}
