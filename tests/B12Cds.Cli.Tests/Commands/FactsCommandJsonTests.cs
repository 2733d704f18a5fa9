using System.Text.Json;
using B12Cds.Cli.Tests.Support;
using B12Cds.Facts.Terminology;

namespace B12Cds.Cli.Tests.Commands;

/// <summary><c>b12cds facts --format json</c>: one object with asOf, valueSets, facts and issues (an OperationOutcome).</summary>
public sealed class FactsCommandJsonTests
{
    [Fact]
    public void Run_FormatJson_OneObjectWithAsOfValueSetsFactsIssues()
    {
        // Arrange
        var file = CliRunner.Sample("messy-ehr.json");
        var version = TerminologyLoader.LoadDirectory(Path.Combine(CliRunner.Rules, "valuesets")).Catalog!.Version;

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "--format", "json");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["asOf", "valueSets", "facts", "issues"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-01T00:00:00Z", root.GetProperty("asOf").GetString());
        Assert.Equal(version, root.GetProperty("valueSets").GetString());
        var facts = root.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(14, facts.Count);
        Assert.Equal("patient", facts[0].GetProperty("type").GetString());
        Assert.All(facts, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("source").GetProperty("path").GetString()));
            Assert.False(string.IsNullOrEmpty(f.GetProperty("text").GetString()));
            Assert.Equal(JsonValueKind.Array, f.GetProperty("concepts").ValueKind);
        });
        Assert.Equal("OperationOutcome", root.GetProperty("issues").GetProperty("resourceType").GetString());
    }

    [Fact]
    public void Run_FormatJson_LabFactHasSourceConceptsAndText()
    {
        // Arrange
        var file = CliRunner.Sample("messy-ehr.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "--format", "json");

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        var lab = json.RootElement.GetProperty("facts").EnumerateArray()
            .Single(f => f.GetProperty("source").GetProperty("id").GetString() == "2ecc2230-57d5-4d85-9db6-45f06ff1b26d");
        Assert.Equal("lab", lab.GetProperty("type").GetString());
        var source = lab.GetProperty("source");
        Assert.Equal("Observation", source.GetProperty("resourceType").GetString());
        Assert.Equal("Observation/2ecc2230-57d5-4d85-9db6-45f06ff1b26d", source.GetProperty("reference").GetString());
        Assert.Equal("Bundle.entry[7].resource", source.GetProperty("path").GetString());
        var concept = Assert.Single(lab.GetProperty("concepts").EnumerateArray());
        Assert.Equal("b12-total", concept.GetProperty("valueSet").GetString());
        Assert.Equal("code", concept.GetProperty("matchedBy").GetString());
        Assert.StartsWith("b12-total <73.8007 pmol/L, (reported 100 ng/L)", lab.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FormatJson_IssuesAreAnOperationOutcomeWithIdsAndExpressions()
    {
        // Arrange
        var file = CliRunner.Sample("messy-ehr.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "--format", "json");

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        var issues = json.RootElement.GetProperty("issues").GetProperty("issue").EnumerateArray()
            .Select(i => (
                Severity: i.GetProperty("severity").GetString(),
                Id: i.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString(),
                Expression: i.TryGetProperty("expression", out var e) ? e[0].GetString() : null))
            .ToList();
        Assert.Equal(9, issues.Count);
        Assert.Contains(("warning", "FACT004", "Bundle.entry[18].resource.medicationReference"), issues);
        Assert.Contains(("information", "FACT006", "Bundle.entry[8].resource.status"), issues);
        Assert.Equal(2, issues.Count(i => i.Id == "FHIR006"));
    }

    [Fact]
    public void Run_FormatJsonWithNoIssues_OperationOutcomeSaysNoIssues()
    {
        // Arrange
        var file = CliRunner.Sample("adolescent.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "--format", "json");

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        var issue = Assert.Single(json.RootElement.GetProperty("issues").GetProperty("issue").EnumerateArray());
        Assert.Equal("information", issue.GetProperty("severity").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("facts").GetArrayLength());
    }

    [Fact]
    public void Run_FormatJsonAtWithOffset_AsOfIsThatInstantInUtc()
    {
        // Arrange
        var file = CliRunner.Sample("adolescent.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01T10:00:00+05:00", "--rules", CliRunner.Rules, "--format", "json");

        // Assert
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2026-11-01T05:00:00Z", json.RootElement.GetProperty("asOf").GetString());
    }
}
