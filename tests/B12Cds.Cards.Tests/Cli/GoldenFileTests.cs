using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.Cli;

/// <summary>
/// <c>b12cds evaluate --format json</c> for sample bundles, compared byte for byte with the files in Golden/. The
/// rules folder is TestData/GoldenRules: fixture rules and frozen copies of the value sets and regimen table (see
/// TestData/ORIGIN.md), so the files change only when the output changes, not when the rule set is edited. To accept
/// a change, run the tests with B12CDS_REGENERATE_GOLDEN=1: the files are rewritten and the tests fail, so the new
/// files are reviewed in the diff before the tests pass again.
/// </summary>
public sealed class GoldenFileTests
{
    private const string RegenerateVariable = "B12CDS_REGENERATE_GOLDEN";

    [Theory]
    [InlineData("pernicious-anaemia-neuro.json", "uk")]
    [InlineData("vegan-dietary-deficiency.json", "us")]
    public void Evaluate_SampleAsJson_MatchesGoldenFile(string sample, string profile)
    {
        // Arrange
        var golden = Path.Combine(Path.Combine(RepoPaths.TestProject("B12Cds.Cards.Tests"), "Golden"), $"{Path.GetFileNameWithoutExtension(sample)}.{profile}.json");

        // Act
        var run = Support.Cli.Run("evaluate", RepoPaths.Sample(sample), "--at", "2026-11-01", "--profile", profile, "--format", "json", "--rules", TestData.GoldenRules);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        var actual = run.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.Combine(RepoPaths.TestProject("B12Cds.Cards.Tests"), "Golden"));
            File.WriteAllText(golden, actual);
            Assert.Fail($"{RegenerateVariable}=1: rewrote {golden}. Review the diff, then run the tests without the variable.");
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run the tests with {RegenerateVariable}=1 to write it, and review it.");
        var expected = File.ReadAllText(golden).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
