using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Json;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>
/// The complete fact set of every sample bundle in fhir-samples (and of the official R4 examples, in one file), extracted
/// at 2026-11-01 with the real value sets, compared with Golden/facts/&lt;sample&gt;.txt as <see cref="FactDump"/>
/// writes it: every fact, in order, with every property, and every issue. These pin extraction's behaviour while its
/// insides change (for speed, say); any difference fails. The files are read from and written to the source tree. To
/// accept an intended change, run the tests with B12CDS_REGENERATE_GOLDEN=1: the files are rewritten and the tests
/// fail, so the new files are reviewed in the diff before the tests pass again.
/// </summary>
public sealed class FactGoldenTests : IClassFixture<ValueSetFixture>
{
    private const string RegenerateVariable = "B12CDS_REGENERATE_GOLDEN";

    private const string OfficialExamplesFile = "official-examples.txt";

    private static readonly FhirJsonParser Parser = new();
    private readonly ValueSetFixture _valueSets;

    public FactGoldenTests(ValueSetFixture valueSets)
    {
        _valueSets = valueSets;
    }

    public static TheoryData<string> AllSamples { get; } = new(SampleFiles.SampleNames());

    private static string GoldenFolder => Path.Combine(RepoPaths.TestProject("B12Cds.Facts.Tests"), "Golden", "facts");

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Extract_Sample_MatchesGoldenFacts(string fileName)
    {
        // Arrange
        var parsed = Parser.ParseFile(SampleFiles.Sample(fileName));

        // Act: twice, so that whatever the first extraction leaves behind (remembered matches) cannot change the second.
        var first = FactDump.Write(_valueSets.Extractor.Extract(parsed, TestBundles.AsOf));
        var second = FactDump.Write(_valueSets.Extractor.Extract(parsed, TestBundles.AsOf));

        // Assert
        Assert.Equal(first, second);
        CompareWithGolden(Path.ChangeExtension(fileName, ".txt"), first);
    }

    [Fact]
    public void Extract_OfficialExamples_MatchGoldenFacts()
    {
        // Arrange: the parser's issues are left out, so that only a change in extraction fails this test.
        var names = SampleFiles.OfficialExampleNames();
        Assert.NotEmpty(names);
        var text = new System.Text.StringBuilder();

        // Act
        foreach (var name in names)
        {
            var parsed = Parser.ParseFile(Path.Combine(SampleFiles.OfficialExamplesDirectory, name));
            var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);
            text.Append("== ").Append(name).Append('\n').Append(FactDump.Write(set, skipIssues: parsed.Issues.Count));
        }

        // Assert
        CompareWithGolden(OfficialExamplesFile, text.ToString());
    }

    [Fact]
    public void GoldenFacts_EveryFile_HasItsSample()
    {
        // Arrange
        var expected = SampleFiles.SampleNames().Select(n => Path.ChangeExtension(n, ".txt")).Append(OfficialExamplesFile).ToHashSet(StringComparer.Ordinal);

        // Act
        var orphans = Directory.Exists(GoldenFolder)
            ? Directory.EnumerateFiles(GoldenFolder, "*.txt").Select(Path.GetFileName).OfType<string>().Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToList()
            : [];

        // Assert
        Assert.True(orphans.Count == 0, $"Golden fact files with no sample bundle (delete them): {string.Join(", ", orphans)}");
    }

    private static void CompareWithGolden(string goldenName, string actual)
    {
        var golden = Path.Combine(GoldenFolder, goldenName);
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
