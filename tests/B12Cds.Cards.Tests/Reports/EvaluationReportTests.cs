using System.Text.Json;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Reports;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.Reports;

/// <summary>The report behind <c>b12cds evaluate</c>: fired rules with their version, cards, CarePlan and the trace.</summary>
public sealed class EvaluationReportTests
{
    private const string Neuro = "pernicious-anaemia-neuro.json";

    [Fact]
    public void Create_RuleFiredTwice_FiredRulesListsEachOnceInOrderWithVersion()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var report = EvaluationReport.Create(rules, result);

        // Assert
        Assert.Equal(["DX-04", "NE-01", "NE-01", "RG-01"], result.Firings.Select(f => f.Rule.Id));
        Assert.Equal([new("DX-04", rules.Version), new("NE-01", rules.Version), new RuleReference("RG-01", rules.Version)], report.FiredRules);
    }

    [Fact]
    public void Create_Trace_EveryFiringWithFactsCitationsAndWhatItProduced()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var result = Evaluations.Evaluate(rules, Neuro);

        // Act
        var trace = EvaluationReport.Create(rules, result).Trace;

        // Assert
        Assert.Equal([1, 2, 3, 4], trace.Select(t => t.Sequence));
        var dx = trace[0];
        Assert.Equal(("DX-04", "diagnosis", 100), (dx.Rule, dx.Area, dx.Priority));
        Assert.Equal("Observation/da1321ef-d643-45c6-9bcd-c216dc1e1439", Assert.Single(dx.Facts).Reference);
        Assert.Equal(
            ["card (warning): Vitamin B12 deficiency confirmed: total B12 80 pmol/L (2026-10-22)", "derived b12-status from DX-04: state = deficient, result = Vitamin B12 (serum)"],
            dx.Produced);
        var ne = trace[1];
        Assert.Equal(["dx", "neuro"], ne.Facts.Select(f => f.Binding));
        Assert.Equal("S4", Assert.Single(ne.Citations).Source);
        Assert.Equal("careplan: uk-im-neuro", ne.Produced[^1]);
    }

    [Fact]
    public void Serialize_Report_ExactlyTheFourKeysInOrder()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var report = EvaluationReport.Create(rules, Evaluations.Evaluate(rules, Neuro), new CardOptions { PatientId = "p1" });

        // Act
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(report));

        // Assert
        Assert.Equal(["firedRules", "cards", "carePlan", "trace"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Patient/p1", document.RootElement.GetProperty("carePlan").GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal(["sequence", "rule", "title", "area", "priority", "facts", "citations", "produced"], document.RootElement.GetProperty("trace")[1].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_NoCarePlanAndNoCards_NullCarePlanEmptyCards()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var report = EvaluationReport.Create(rules, Evaluations.Evaluate(rules, "normal-results.json"));

        // Act
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(report));

        // Assert
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("carePlan").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("cards").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("firedRules").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public void Write_Text_NoCardsNoCarePlan_SaysSo()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var report = EvaluationReport.Create(rules, Evaluations.Evaluate(rules, "normal-results.json"));
        using var output = new StringWriter();

        // Act
        EvaluationReportText.Write(output, report, "normal-results.json");

        // Assert
        var text = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.StartsWith($"B12 CDS evaluation of normal-results.json at 2026-11-01T00:00:00Z, profile uk, rule set {rules.Version}\nNo rule fired.\n", text, StringComparison.Ordinal);
        Assert.Contains("\nNo cards.\n", text, StringComparison.Ordinal);
        Assert.Contains("\nNo CarePlan.\n", text, StringComparison.Ordinal);
        Assert.Contains("\nTrace (0 firing(s)):\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Text_SuppressedCardsAndNotesShown()
    {
        // Arrange
        var rules = Evaluations.GoldenRules;
        var report = EvaluationReport.Create(rules, Evaluations.Evaluate(rules, Neuro));
        using var output = new StringWriter();

        // Act
        EvaluationReportText.Write(output, report);

        // Assert
        var text = output.ToString();
        Assert.Contains("    Shown instead of: RG-01 [warning] Start hydroxocobalamin 1 mg IM three times a week for 2 weeks, then every 3 months", text, StringComparison.Ordinal);
        Assert.Contains("    Note: Not included: regimen uk-im-no-neuro", text, StringComparison.Ordinal);
        Assert.Contains("    Addresses: Condition/7e2121bb-8bba-404e-a0f5-f378fab8e446, Condition/bec6c94b-dff2-4187-a0b4-5aa0aa882fda", text, StringComparison.Ordinal);
    }
}
