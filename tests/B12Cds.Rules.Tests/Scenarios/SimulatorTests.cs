using B12Cds.Rules.Scenarios;

namespace B12Cds.Rules.Tests.Scenarios;

/// <summary>The dry-run simulator over the shipped samples: counts, input errors, ordering, and comparison with a baseline.</summary>
public sealed class SimulatorTests
{
    private static readonly SimulationOptions AtSampleDate = new() { At = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Profile = "uk" };

    [Fact]
    public void Run_SampleFolder_EveryPatientEvaluatedInInputOrder()
    {
        // Arrange
        var (patients, count) = PatientInputs.Open(ScenarioTestData.Samples)!.Value;
        var done = 0;

        // Act
        var result = Simulator.Run(patients, ScenarioTestData.Dx04RuleSet, baseline: null, AtSampleDate, () => Interlocked.Increment(ref done));

        // Assert
        Assert.Equal(count, result.Patients.Count);
        Assert.Equal(count, done);
        Assert.Equal(count, result.Evaluated);
        Assert.Equal(PatientInputs.JsonFiles(ScenarioTestData.Samples).Select(f => Path.GetRelativePath(ScenarioTestData.Samples, f).Replace('\\', '/')), result.Patients.Select(p => p.Patient));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), result.Patients.Select(p => p.Index));
        Assert.False(result.Compared);
    }

    [Fact]
    public void Run_SampleFolder_Dx04CountsMatchItsCards()
    {
        // Arrange
        var (patients, _) = PatientInputs.Open(ScenarioTestData.Samples)!.Value;

        // Act
        var result = Simulator.Run(patients, ScenarioTestData.Dx04RuleSet, baseline: null, AtSampleDate);

        // Assert
        var dx04 = Assert.Single(result.Rules, r => r.RuleId == "DX-04");
        var firedFor = result.Patients.Where(p => p.Firings.ContainsKey("DX-04")).Select(p => p.Patient).ToList();
        Assert.Equal(firedFor.Count, dx04.Patients);
        Assert.Contains("vegan-dietary-deficiency.json", firedFor);
        Assert.Contains("units-pmol-l.json", firedFor);
        Assert.DoesNotContain("normal-results.json", firedFor);
        Assert.DoesNotContain("crohns-ileal-resection.json", firedFor);
        var warning = Assert.Single(result.Indicators, i => i.Indicator == "warning");
        Assert.Equal(dx04.Patients, warning.Patients);
        Assert.Equal(["critical", "warning", "info"], result.Indicators.Select(i => i.Indicator));
    }

    [Fact]
    public void Run_SameRuleSetAsBaseline_NoChanges()
    {
        // Arrange
        var (patients, _) = PatientInputs.Open(ScenarioTestData.Samples)!.Value;

        // Act
        var result = Simulator.Run(patients, ScenarioTestData.Dx04RuleSet, ScenarioTestData.Dx04RuleSet, AtSampleDate);

        // Assert
        Assert.True(result.Compared);
        Assert.Empty(result.Changes);
        Assert.DoesNotContain(result.Patients, p => p.Changed);
        Assert.All(result.Rules, r => Assert.Equal(r.Patients, r.BaselinePatients));
    }

    [Fact]
    public void Run_ThresholdRaisedAgainstBaseline_IndeterminatePatientGainsTheCard()
    {
        // Arrange: 150 pmol/L instead of 133 pmol/L takes in the Crohn's patient's 140 pmol/L.
        var raised = Dx04Snapshot.Rules
            .Replace("reported < 133 pmol/L", "reported < 150 pmol/L", StringComparison.Ordinal);
        var candidate = ScenarioTestData.RuleSetWith(raised);
        var (patients, _) = PatientInputs.Open(ScenarioTestData.Samples)!.Value;

        // Act
        var result = Simulator.Run(patients, candidate, ScenarioTestData.Dx04RuleSet, AtSampleDate);

        // Assert
        var crohns = Assert.Single(result.Patients, p => p.Patient == "crohns-ileal-resection.json");
        Assert.Equal([new CardKey("DX-04", "warning")], crohns.Gained);
        Assert.Empty(crohns.Lost);
        var change = Assert.Single(result.Changes);
        Assert.Equal(new CardKey("DX-04", "warning"), change.Card);
        Assert.Equal(result.Patients.Count(p => p.Changed), change.Gained);
        Assert.Equal(0, change.Lost);
    }

    [Fact]
    public void Run_NdjsonWithABrokenLine_ThatPatientReportedWithTheIssue()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"b12cds-sim-{Guid.NewGuid():N}.ndjson");
        var bundle = File.ReadAllText(Path.Combine(ScenarioTestData.Samples, "units-pmol-l.json")).ReplaceLineEndings(" ");
        File.WriteAllLines(file, [bundle, string.Empty, "{ \"resourceType\": \"Bundle\", ", bundle]);
        try
        {
            var (patients, count) = PatientInputs.Open(file)!.Value;

            // Act
            var result = Simulator.Run(patients, ScenarioTestData.Dx04RuleSet, baseline: null, AtSampleDate);

            // Assert
            Assert.Equal(3, count);
            Assert.Equal(3, result.Patients.Count);
            Assert.Equal(2, result.Evaluated);
            var bad = Assert.Single(result.Patients, p => p.InputErrors.Count > 0);
            Assert.Equal($"{Path.GetFileName(file)}:3", bad.Patient);
            Assert.False(bad.Evaluated);
            Assert.Equal("FHIR001", bad.InputErrors[0].Id);
            Assert.Equal(2, Assert.Single(result.Rules, r => r.RuleId == "DX-04").Patients);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Open_MissingPath_Null()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), "b12cds-nowhere-" + Guid.NewGuid().ToString("N"));

        // Act
        var opened = PatientInputs.Open(path);

        // Assert
        Assert.Null(opened);
    }
}
