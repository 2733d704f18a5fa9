using System.Text;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>
/// Pins the exact bytes of whole CDS Hooks responses, as a hook call writes them (compact) and as people read them
/// (indented): sample bundles evaluated with the fixture rules (TestData/GoldenRules, frozen, so the files change only
/// when the output does), with a patient, a hook instance and the service's URLs, compared byte for byte with
/// Golden/responses/&lt;sample&gt;.&lt;profile&gt;[.indented].json. Whatever the cards and the JSON writing are made of,
/// these bytes must not change. To accept a change, run the tests with B12CDS_REGENERATE_GOLDEN=1: the files are
/// rewritten and the tests fail, so the new files are reviewed in the diff before the tests pass again.
/// </summary>
public sealed class ResponseBytesTests
{
    private const string RegenerateVariable = "B12CDS_REGENERATE_GOLDEN";

    private static string GoldenFolder => Path.Combine(RepoPaths.TestProject("B12Cds.Cards.Tests"), "Golden", "responses");

    public static TheoryData<string, string> Responses() => new()
    {
        { "pernicious-anaemia-neuro", "uk" },
        { "pernicious-anaemia-neuro", "us" },
        { "vegan-dietary-deficiency", "uk" },
        { "units-pmol-l", "uk" },
        { "messy-ehr", "us" },
        { "normal-results", "uk" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void Serialize_SampleResponse_MatchesPinnedBytes(string sample, string profile)
    {
        // Arrange
        var response = Create(sample, profile);

        // Act
        var compact = CdsHooksJson.Serialize(response);
        var indented = CdsHooksJson.Serialize(response, indented: true);

        // Assert
        AssertPinned(($"{sample}.{profile}.json", compact), ($"{sample}.{profile}.indented.json", indented));
    }

    /// <summary>The response a hook call gives for a sample: the fixture rules, the sample's patient, a fixed hook instance.</summary>
    internal static CdsResponse Create(string sample, string profile)
    {
        var rules = Evaluations.GoldenRules;
        var facts = Evaluations.Facts(rules, $"{sample}.json");
        var result = B12Cds.Rules.Engine.RuleEngine.Instance.Evaluate(rules, facts.Facts, new B12Cds.Rules.Engine.EvaluationContext(Evaluations.At, profile));
        return new CardFactory(rules).Create(result, new CardOptions
        {
            PatientId = facts.Patient?.PatientId,
            HookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ServiceBaseUrl = "https://cds.example.org/cds-services",
            IconUrl = "https://cds.example.org/icon.png",
        });
    }

    private static void AssertPinned(params (string FileName, string Actual)[] files)
    {
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            foreach (var (fileName, actual) in files)
            {
                File.WriteAllBytes(Path.Combine(GoldenFolder, fileName), Encoding.UTF8.GetBytes(actual.Replace("\r\n", "\n", StringComparison.Ordinal)));
            }

            Assert.Fail($"{RegenerateVariable}=1: rewrote {string.Join(", ", files.Select(f => f.FileName))} in {GoldenFolder}. Review the diff, then run the tests without the variable.");
        }

        foreach (var (fileName, actual) in files)
        {
            var path = Path.Combine(GoldenFolder, fileName);
            Assert.True(File.Exists(path), $"No pinned response {path}: run the tests with {RegenerateVariable}=1 to write it, and review it.");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(actual.Replace("\r\n", "\n", StringComparison.Ordinal))), $"The response differs from {path}.");
        }
    }
}
