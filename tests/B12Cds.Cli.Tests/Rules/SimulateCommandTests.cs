using System.Text.Json;
using System.Text.RegularExpressions;

namespace B12Cds.Cli.Tests.Rules;

/// <summary><c>b12cds simulate</c> over a few hundred generated patients: fire counts, cards, throughput, bad inputs, JSON, and --compare.</summary>
public sealed class SimulateCommandTests : IClassFixture<SimulateCommandTests.Population>
{
    private const int Patients = 220;
    private readonly Population _population;

    public SimulateCommandTests(Population population)
    {
        _population = population;
    }

    [Fact]
    public void Run_GeneratedFolder_FireCountsCardsAndThroughputPrinted()
    {
        // Act
        var result = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--profile", "uk", "--rules", _population.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = result.OutputLines;
        Assert.StartsWith($"Simulated {Patients} patients from {_population.Folder} at 2026-11-01T00:00:00", lines[0], StringComparison.Ordinal);
        Assert.Matches($@"^Evaluated {Patients} of {Patients} in \d+\.\d\d s on \d+ cores?: \d+\.\d patients/s \(CPU \d+\.\d\d s: \d+ patients per CPU-second\)$", lines.Single(l => l.StartsWith("Evaluated ", StringComparison.Ordinal)));
        var header = lines.ToList().IndexOf("Rule fire counts");
        Assert.Matches(@"^  rule\s+fired\s+patients\s+% patients\s+title$", lines[header + 1]);
        var dx04 = Regex.Match(lines.Single(l => l.StartsWith("  DX-04 ", StringComparison.Ordinal)), @"^  DX-04\s+(\d+)\s+(\d+)\s+\d+\.\d%\s+Total B12 below");
        Assert.True(dx04.Success, result.ToString());
        var fired = int.Parse(dx04.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(fired, 1, Patients - 1);
        Assert.Contains("Cards by indicator", lines);
        Assert.Matches($@"^  warning\s+{fired}\s+{fired}\s+\d+\.\d%$", lines.Single(l => l.StartsWith("  warning ", StringComparison.Ordinal)));
        Assert.Contains("Patients with input errors: 0", lines);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonFormat_ParsesWithCounts()
    {
        // Act
        var result = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--rules", _population.Rules, "--format", "json");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(Patients, root.GetProperty("patients").GetInt32());
        Assert.Equal(Patients, root.GetProperty("evaluated").GetInt32());
        Assert.Equal("us", root.GetProperty("profile").GetString());
        Assert.True(root.GetProperty("patientsPerSecond").GetDouble() > 0);
        var dx04 = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DX-04");
        Assert.InRange(dx04.GetProperty("fired").GetInt32(), 1, Patients - 1);
        Assert.Equal(dx04.GetProperty("patients").GetInt32(), root.GetProperty("cards").GetProperty("warning").GetProperty("patients").GetInt32());
        Assert.Equal(0, root.GetProperty("inputErrors").GetArrayLength());
        Assert.False(root.TryGetProperty("comparison", out _));
    }

    [Fact]
    public void Run_CompareWithThresholdChanged_ReportsGainedCardsPerPatientAndPerRule()
    {
        // Arrange: the candidate rules raise DX-04's thresholds; the baseline is DX-04 as written.
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "where: reported < 180 ng/L or reported < 133 pmol/L", "where: reported < 200 ng/L or reported < 148 pmol/L");

        // Act
        var text = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--rules", workspace.RulesFolder, "--compare", _population.Rules);
        var json = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--rules", workspace.RulesFolder, "--compare", _population.Rules, "--format", "json");

        // Assert
        Assert.True(text.ExitCode == CliApp.Ok, text.ToString());
        Assert.True(json.ExitCode == CliApp.Ok, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var comparison = document.RootElement.GetProperty("comparison");
        var changed = comparison.GetProperty("patientsChanged").GetInt32();
        Assert.InRange(changed, 1, Patients - 1);
        var byRule = Assert.Single(comparison.GetProperty("byRule").EnumerateArray());
        Assert.Equal(("DX-04", "warning"), (byRule.GetProperty("rule").GetString(), byRule.GetProperty("indicator").GetString()));
        Assert.Equal(changed, byRule.GetProperty("gained").GetInt32());
        Assert.Equal(0, byRule.GetProperty("lost").GetInt32());
        Assert.All(comparison.GetProperty("patients").EnumerateArray(), p =>
        {
            Assert.Equal("DX-04", Assert.Single(p.GetProperty("gained").EnumerateArray()).GetProperty("rule").GetString());
            Assert.Equal(0, p.GetProperty("lost").GetArrayLength());
        });

        var lines = text.OutputLines;
        Assert.Contains(lines, l => l.StartsWith($"Compared with the baseline: {changed} of {Patients} patients gain or lose cards", StringComparison.Ordinal));
        Assert.Matches($@"^  DX-04 warning\s+{changed}\s+0\s+\+{changed}$", lines.Single(l => l.StartsWith("  DX-04 warning", StringComparison.Ordinal)));
        Assert.Equal(changed, lines.Count(l => Regex.IsMatch(l, @"^  batch-\d/patient-\d{4}-.*\.json\s+\+DX-04 warning$")));
    }

    [Fact]
    public void Run_CompareReversed_ReportsLostCards()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "where: reported < 180 ng/L or reported < 133 pmol/L", "where: reported < 200 ng/L or reported < 148 pmol/L");

        // Act
        var result = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--rules", _population.Rules, "--compare", workspace.RulesFolder, "--format", "json");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        var byRule = Assert.Single(document.RootElement.GetProperty("comparison").GetProperty("byRule").EnumerateArray());
        Assert.Equal(0, byRule.GetProperty("gained").GetInt32());
        Assert.True(byRule.GetProperty("lost").GetInt32() > 0);
    }

    [Fact]
    public void Run_NdjsonWithABadLine_PatientWithInputErrorListed()
    {
        // Arrange
        using var temp = new TempFolder();
        var file = SampleBundleGenerator.WriteNdjson(Path.Combine(temp.Path, "patients.ndjson"), 60);
        File.AppendAllText(file, "{ \"resourceType\": \"Bundle\", \"entry\": [ \n");

        // Act
        var result = RulesCli.Run("simulate", file, "--at", "2026-11-01", "--rules", _population.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.StartsWith("Simulated 61 patients from ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("Patients with input errors: 1 (not evaluated when unreadable; otherwise evaluated without the skipped resources)", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("  patients.ndjson:61 [not evaluated]: fatal FHIR001", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingInput_Exit2()
    {
        // Act
        var result = RulesCli.Run("simulate", Path.Combine(_population.Folder, "nowhere"), "--rules", _population.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.CannotRun, result.ToString());
        Assert.StartsWith("Not found: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CompareRulesThatDoNotLoad_Exit2WithTheErrors()
    {
        // Arrange
        using var workspace = new RulesWorkspace();
        workspace.Replace("b12/diagnosis.yaml", "select: latest", "select: newest");

        // Act
        var result = RulesCli.Run("simulate", _population.Folder, "--rules", _population.Rules, "--compare", workspace.RulesFolder);

        // Assert
        Assert.True(result.ExitCode == CliApp.CannotRun, result.ToString());
        Assert.Contains("--compare: the rule set in ", result.Error, StringComparison.Ordinal);
        Assert.Contains("error RULE004", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RealRules_JsonParses()
    {
        // Act
        var result = RulesCli.Run("simulate", _population.Folder, "--at", "2026-11-01", "--profile", "uk", "--format", "json", "--rules", RulesCli.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(Patients, json.RootElement.GetProperty("patients").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "DX-04");
    }

    /// <summary>A folder of generated patients and a rules folder of DX-04 alone, made once for the class and deleted afterwards.</summary>
    public sealed class Population : IDisposable
    {
        private readonly TempFolder _temp = new();
        private readonly RulesWorkspace _rules = new();

        public Population()
        {
            SampleBundleGenerator.Write(Folder, Patients);
        }

        public string Folder => Path.Combine(_temp.Path, "patients");

        public string Rules => _rules.RulesFolder;

        public void Dispose()
        {
            _temp.Dispose();
            _rules.Dispose();
        }
    }
}
