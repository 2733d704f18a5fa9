using System.Text.Json;
using B12Cds.Cli.Tests.Support;

namespace B12Cds.Cli.Tests.Commands;

/// <summary>Exit codes: 1 for input that is not valid FHIR JSON (an OperationOutcome, never a stack trace), 2 when the command cannot run.</summary>
public sealed class FactsCommandErrorTests
{
    [Fact]
    public void Run_MalformedJson_Exit1AndOperationOutcomeWithFhir001()
    {
        // Arrange
        using var temp = new TempDirectory();
        var file = temp.Write("malformed.json", "{ \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [ { \"resource\": \n");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("OperationOutcome", root.GetProperty("resourceType").GetString());
        var issue = Assert.Single(root.GetProperty("issue").EnumerateArray());
        Assert.Equal("fatal", issue.GetProperty("severity").GetString());
        Assert.Equal("FHIR001", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.StartsWith("line ", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("[ { \"resourceType\": \"Patient\" } ]")]
    [InlineData("")]
    [InlineData("null")]
    public void Run_JsonThatIsNotAResource_Exit1AndFhir002(string content)
    {
        // Arrange
        using var temp = new TempDirectory();
        var file = temp.Write("not-a-resource.json", content);

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var issue = Assert.Single(json.RootElement.GetProperty("issue").EnumerateArray());
        Assert.Equal("FHIR002", issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RootResourceThatCannotBeRead_Exit1AndFhir005()
    {
        // Arrange: a date that is not a FHIR date makes the only resource unreadable.
        using var temp = new TempDirectory();
        var file = temp.Write("bad-date.json", """
            { "resourceType": "Observation", "status": "final", "code": { "text": "B12" }, "effectiveDateTime": "18/10/2026" }
            """);

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.InvalidInput, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Contains(
            json.RootElement.GetProperty("issue").EnumerateArray(),
            i => i.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString() == "FHIR005"
                && i.GetProperty("expression")[0].GetString() == "Observation.effectiveDateTime");
    }

    [Fact]
    public void Run_ValidResourceWithWarnings_Exit0()
    {
        // Arrange: an Observation only (no Patient: FACT008 warning) is still read.
        using var temp = new TempDirectory();
        var file = temp.Write("observation.json", """
            { "resourceType": "Observation", "id": "b12", "status": "final",
              "code": { "coding": [ { "system": "http://loinc.org", "code": "2132-9" } ] },
              "effectiveDateTime": "2026-10-18",
              "valueQuantity": { "value": 150, "unit": "ng/L", "system": "http://unitsofmeasure.org", "code": "ng/L" } }
            """);

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.StartsWith("1 fact(s) from observation.json", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.Trim().StartsWith("warning FACT008", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.Contains("Observation/b12", StringComparison.Ordinal) && l.Contains("b12-total 110.7011 pmol/L", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_MissingFile_Exit2AndMessageOnStderr()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), "b12cds-no-such-file-" + Guid.NewGuid().ToString("N") + ".json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.Equal(CliApp.CannotRun, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("File not found", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(file), result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("01/11/2026")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-01T25:00:00Z")]
    public void Run_BadAt_Exit2AndMessageOnStderr(string at)
    {
        // Arrange
        var file = CliRunner.Sample("adolescent.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", at, "--rules", CliRunner.Rules);

        // Assert
        Assert.Equal(CliApp.CannotRun, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains($"--at '{at}' is not a FHIR date or dateTime", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesWithAnErrorInAValueSet_Exit2ListingFileLineAndColumn()
    {
        // Arrange: the same id twice.
        using var temp = new TempDirectory();
        var yaml = temp.Write(Path.Combine("valuesets", "diet.yaml"), """
            version: 2026.11.0
            valueSets:
              - id: vegan-diet
                title: Vegan
                text: [ "vegan*" ]
              - id: vegan-diet
                title: Duplicate
                text: [ "vegan" ]

            """);

        // Act
        var result = CliRunner.Run("facts", CliRunner.Sample("adolescent.json"), "--at", "2026-11-01", "--rules", temp.Path);

        // Assert
        Assert.Equal(CliApp.CannotRun, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains($"The value sets in {Path.Combine(temp.Path, "valuesets")} do not load:", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{yaml}:6:9: error TERM", result.Error, StringComparison.Ordinal);
        Assert.Contains("vegan-diet", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesFolderWithoutValueSets_Exit2()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var result = CliRunner.Run("facts", CliRunner.Sample("adolescent.json"), "--at", "2026-11-01", "--rules", temp.Path);

        // Assert
        Assert.Equal(CliApp.CannotRun, result.ExitCode);
        Assert.Contains("do not load", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts")]
    [InlineData("facts", "x.json", "--format", "xml")]
    [InlineData("facts", "x.json", "--no-such-option")]
    [InlineData("no-such-command")]
    public void Run_BadArguments_Exit2WithUsageHint(params string[] args)
    {
        // Arrange
        var arguments = args;

        // Act
        var result = CliRunner.Run(arguments);

        // Assert
        Assert.Equal(CliApp.CannotRun, result.ExitCode);
        Assert.Contains("Run 'b12cds --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_Exit0AndUsage()
    {
        // Arrange
        string[] args = ["facts", "--help"];

        // Act
        var result = CliRunner.Run(args);

        // Assert
        Assert.Equal(CliApp.Ok, result.ExitCode);
        Assert.Contains("--format", result.Output, StringComparison.Ordinal);
        Assert.Contains("--at", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TempDirectory_Dispose_DeletesIt()
    {
        // Arrange
        var temp = new TempDirectory();
        temp.Write("a.json", "{}");

        // Act
        temp.Dispose();

        // Assert
        Assert.False(Directory.Exists(temp.Path));
    }
}
