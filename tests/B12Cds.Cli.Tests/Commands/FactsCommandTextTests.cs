using System.Text.RegularExpressions;
using B12Cds.Cli.Tests.Support;

namespace B12Cds.Cli.Tests.Commands;

/// <summary><c>b12cds facts</c> with text output: the facts with their sources, then the notes.</summary>
public sealed partial class FactsCommandTextTests
{
    [Fact]
    public void Run_PerniciousAnaemiaNeuroSample_Exit0AndFactLinesWithSources()
    {
        // Arrange
        var file = CliRunner.Sample("pernicious-anaemia-neuro.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.Equal(string.Empty, result.Error);
        var lines = Normalised(result);
        Assert.StartsWith("11 fact(s) from pernicious-anaemia-neuro.json, as of 2026-11-01T00:00:00Z, value sets ", lines[0], StringComparison.Ordinal);
        Assert.Contains("patient Patient/49898516-ab9d-48cc-b18b-a26e93b3db8e age 58, female, born 1968-07-30", lines);
        Assert.Contains("lab Observation/da1321ef-d643-45c6-9bcd-c216dc1e1439 b12-total 80 pmol/L, [L], on 2026-10-22T09:10:00+01:00, final \u2014 \"Vitamin B12 (serum)\"", lines);
        Assert.Contains("lab Observation/d60ba3b5-7f48-41a7-9f5c-2feb761e747c intrinsic-factor-antibody Positive, [POS], on 2026-10-28T09:10:00+00:00, final \u2014 \"Intrinsic factor antibody\"", lines);
        Assert.Contains(lines, l => l.StartsWith("finding Condition/7e2121bb-8bba-404e-a0f5-f378fab8e446 ", StringComparison.Ordinal) && l.Contains("neuro-paraesthesia", StringComparison.Ordinal));
        Assert.DoesNotContain("note(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Sample_ColumnsAligned()
    {
        // Arrange
        var file = CliRunner.Sample("vegan-dietary-deficiency.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.Contains("  patient  Patient/9416e1cb-9408-437d-a43a-b6c80f6ac818      age 34, female, born 1992-05-09", result.OutputLines);
        Assert.Contains("  lab      Observation/bd232bf7-d365-45fa-984d-49de88cc2654  b12-total 110.7011 pmol/L, (reported 150 ng/L), [L], on 2026-10-18T10:45:00+01:00, final \u2014 \"Vitamin B12 (serum)\"", result.OutputLines);
        Assert.Contains("  finding  Observation/ce92fc5c-bcc0-4cb1-a367-bf6fa0913001  vegan-diet (by text), active, since 2026-10-14T11:00:00+01:00 \u2014 \"Vegan diet\"", result.OutputLines);
    }

    [Fact]
    public void Run_MessyEhr_WarningsListedAndInformationCounted()
    {
        // Arrange
        var file = CliRunner.Sample("messy-ehr.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = Normalised(result);
        Assert.Contains("6 note(s):", lines);
        Assert.Contains(lines, l => l.StartsWith("warning FACT001 at Bundle.entry[4].resource.valueQuantity.unit: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning FACT004 at Bundle.entry[18].resource.medicationReference: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning FACT005 at Bundle.entry[9].resource.subject: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning FACT010 at Bundle.entry[0].resource: ", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.StartsWith("warning FHIR006 ", StringComparison.Ordinal)));
        Assert.Contains("3 information note(s) not shown (resources that are not B12 facts, skipped statuses): use --verbose to list them.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("information ", StringComparison.Ordinal));
        Assert.DoesNotContain("f64bff1f-0048-468a-93aa-151c85985bf7", string.Join('\n', lines.Where(l => !l.StartsWith("warning", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Verbose_InformationNotesListed()
    {
        // Arrange
        var file = CliRunner.Sample("messy-ehr.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "--verbose");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        var lines = Normalised(result);
        Assert.Contains("9 note(s):", lines);
        Assert.Contains("information FACT006 at Bundle.entry[8].resource.status: Observation skipped: status is 'entered-in-error'.", lines);
        Assert.Contains("information FACT006 at Bundle.entry[12].resource.verificationStatus: Condition skipped: verificationStatus is 'refuted'.", lines);
        Assert.Contains("information FACT006 at Bundle.entry[15].resource.status: MedicationRequest skipped: status is 'cancelled'.", lines);
        Assert.DoesNotContain("not shown", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VerboseShortAlias_InformationNotesListed()
    {
        // Arrange
        var file = CliRunner.Sample("normal-results.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules, "-v");

        // Assert
        Assert.Contains("information FACT007 at Bundle.entry[1].resource.code: Condition 'Hypertension' matches no B12 value set; not a fact.", Normalised(result));
    }

    [Fact]
    public void Run_AtAnotherDate_AgeChanges()
    {
        // Arrange
        var file = CliRunner.Sample("pernicious-anaemia-neuro.json");

        // Act
        var later = CliRunner.Run("facts", file, "--at", "2026-11-01", "--rules", CliRunner.Rules);
        var earlier = CliRunner.Run("facts", file, "--at", "2020-01-01", "--rules", CliRunner.Rules);

        // Assert
        Assert.Equal(CliApp.Ok, earlier.ExitCode);
        Assert.Contains("age 58, female, born 1968-07-30", later.Output, StringComparison.Ordinal);
        Assert.Contains("age 51, female, born 1968-07-30", earlier.Output, StringComparison.Ordinal);
        Assert.Contains("as of 2020-01-01T00:00:00Z", earlier.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoAt_UsesTheClock()
    {
        // Arrange
        var file = CliRunner.Sample("pernicious-anaemia-neuro.json");
        var clock = new FixedTimeProvider(new DateTimeOffset(2030, 7, 30, 8, 15, 0, TimeSpan.Zero));

        // Act
        var result = CliRunner.Run(clock, "facts", file, "--rules", CliRunner.Rules);

        // Assert
        Assert.Equal(CliApp.Ok, result.ExitCode);
        Assert.Contains("as of 2030-07-30T08:15:00Z", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("age 62, female", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AtDateTimeWithOffset_AgeAtThatInstant()
    {
        // Arrange: 2026-07-30T01:00+02:00 is still 29 July in UTC, the day before her 58th birthday.
        var file = CliRunner.Sample("pernicious-anaemia-neuro.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-07-30T01:00:00+02:00", "--rules", CliRunner.Rules);

        // Assert
        Assert.Equal(CliApp.Ok, result.ExitCode);
        Assert.Contains("age 57, female", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AtDateTimeWithOffset_HeaderShowsThatInstantInUtc()
    {
        // Arrange
        var file = CliRunner.Sample("adolescent.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01T10:00:00+05:00", "--rules", CliRunner.Rules);

        // Assert
        Assert.Contains("as of 2026-11-01T05:00:00Z", result.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoRulesOption_FindsTheRepositoryRules()
    {
        // Arrange: no --rules: $B12CDS_RULES, ./rules or the nearest rules/ above the test binaries (the repository's).
        var file = CliRunner.Sample("adolescent.json");

        // Act
        var result = CliRunner.Run("facts", file, "--at", "2026-11-01");

        // Assert
        Assert.True(result.ExitCode == CliApp.Ok, result.ToString());
        Assert.StartsWith("5 fact(s) from adolescent.json", result.OutputLines[0], StringComparison.Ordinal);
    }

    /// <summary>The output lines, trimmed, with runs of spaces collapsed (the columns' widths depend on the longest source).</summary>
    private static List<string> Normalised(CliResult result) => result.OutputLines.Select(l => Spaces().Replace(l.Trim(), " ")).ToList();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
