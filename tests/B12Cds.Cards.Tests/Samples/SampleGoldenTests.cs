using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Reports;
using B12Cds.Cards.Tests.Support;
using B12Cds.Facts.Extraction;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Tests.Samples;

/// <summary>
/// Every sample bundle in fhir-samples, in both profiles, evaluated at 2026-11-01 with the real rules folder, compared
/// with a normalised projection in Golden/samples/&lt;sample&gt;.&lt;profile&gt;.json (see
/// <see cref="SampleGoldenProjection"/>): the files change only when what the clinician sees changes. The files are read
/// from and written to the source tree. To accept a change, run the tests with B12CDS_REGENERATE_GOLDEN=1: the files
/// are rewritten and the tests fail, so the new files are reviewed in the diff before the tests pass again.
/// </summary>
public sealed class SampleGoldenTests
{
    private const string RegenerateVariable = "B12CDS_REGENERATE_GOLDEN";

    private static readonly string[] Profiles = ["uk", "us"];

    private static readonly Lazy<RuleSet> RealRules = new(() =>
    {
        var loaded = RuleSetLoader.LoadDirectory(RepoPaths.Rules);
        return loaded.RuleSet ?? throw new InvalidOperationException($"The rules in {RepoPaths.Rules} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Diagnostics)}");
    });

    private static string GoldenFolder => Path.Combine(Path.Combine(RepoPaths.TestProject("B12Cds.Cards.Tests"), "Golden"), "samples");

    public static TheoryData<string, string> SamplesAndProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in SampleNames())
        {
            foreach (var profile in Profiles)
            {
                data.Add(sample, profile);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndProfiles))]
    public void Evaluate_SampleWithRealRules_MatchesGoldenProjection(string sample, string profile)
    {
        // Arrange
        var golden = Path.Combine(GoldenFolder, $"{sample}.{profile}.json");
        var ruleSet = RealRules.Value;
        var parsed = new FhirJsonParser().ParseFile(RepoPaths.Sample($"{sample}.json"));
        Assert.True(parsed.IsReadable, sample);
        var facts = new FactExtractor(ruleSet.Terminology).Extract(parsed, Evaluations.At);

        // Act
        var result = RuleEngine.Instance.Evaluate(ruleSet, facts.Facts, new EvaluationContext(Evaluations.At, profile));
        var report = EvaluationReport.Create(ruleSet, result, new CardOptions { PatientId = facts.Patient?.PatientId, Profile = profile });
        var actual = SampleGoldenProjection.Write(sample, profile, report);

        // Assert
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(golden, actual);
            Assert.Fail($"regenerated: review the diff of {golden}, then run the tests without {RegenerateVariable}.");
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}: run the tests with {RegenerateVariable}=1 to write it, and review it.");
        var expected = File.ReadAllText(golden).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (FirstDifference(expected, actual) is { } difference)
        {
            Assert.Fail($"{golden} differs at line {difference.Line}:{Environment.NewLine}  expected: {difference.Expected}{Environment.NewLine}  actual:   {difference.Actual}{Environment.NewLine}Run the tests with {RegenerateVariable}=1 to accept the change, and review the diff.");
        }
    }

    [Fact]
    public void GoldenSamples_EveryFile_HasItsSampleAndProfile()
    {
        // Arrange
        var expected = SampleNames().SelectMany(s => Profiles.Select(p => $"{s}.{p}.json")).ToHashSet(StringComparer.Ordinal);

        // Act
        var orphans = Directory.Exists(GoldenFolder)
            ? Directory.EnumerateFiles(GoldenFolder, "*.json").Select(Path.GetFileName).OfType<string>().Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToList()
            : [];

        // Assert
        Assert.True(orphans.Count == 0, $"Golden files with no sample bundle or profile (delete them): {string.Join(", ", orphans)}");
    }

    private static IEnumerable<string> SampleNames() =>
        Directory.EnumerateFiles(RepoPaths.Samples, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>Gets the first line (1-based) where the texts differ, with both lines (an absent line shown as &lt;end of file&gt;); null when they are equal.</summary>
    private static (int Line, string Expected, string Actual)? FirstDifference(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return (i + 1, e, a);
            }
        }

        return (Math.Max(expectedLines.Length, actualLines.Length), "<equal lines>", "<equal lines>");
    }
}
