using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Tests.Support;

/// <summary>
/// Builds evaluations for tests: rule YAML loaded against the real value sets, parameters and regimen table
/// (<see cref="Load"/>), or the real rules folder; facts from the real sample bundles; evaluated at 2026-11-01, the
/// date the samples are written for.
/// </summary>
internal static class Evaluations
{
    /// <summary>The date the fhir-samples are written to be evaluated at.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TerminologyCatalog> Catalog = new(() =>
    {
        var result = TerminologyLoader.LoadDirectory(RepoPaths.ValueSets);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    });

    private static readonly Lazy<RuleSet> Golden = new(() => Load(
        Directory.EnumerateFiles(Path.Combine(TestData.GoldenRules, "b12"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray()));

    /// <summary>Gets the real value-set catalogue.</summary>
    public static TerminologyCatalog Terminology => Catalog.Value;

    /// <summary>Gets the fixture rules (TestData/GoldenRules/b12) with the real value sets and regimens.</summary>
    public static RuleSet GoldenRules => Golden.Value;

    /// <summary>
    /// Loads rule files (name, YAML) with the real <c>regimens.yaml</c> and the fixture's <c>parameters.yaml</c>
    /// (TestData/GoldenRules: the real one changes as rules are written); fails the test on any error.
    /// </summary>
    public static RuleSet Load(params (string Name, string Yaml)[] ruleFiles)
    {
        var files = new List<(string, string)>
        {
            ("regimens.yaml", File.ReadAllText(Path.Combine(RepoPaths.Rules, "regimens.yaml"))),
            ("parameters.yaml", File.ReadAllText(Path.Combine(TestData.GoldenRules, "parameters.yaml"))),
        };
        files.AddRange(ruleFiles);
        var result = RuleSetLoader.Load(Terminology, files);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.RuleSet!;
    }

    /// <summary>Loads one rule file given as the <c>rules:</c> list (with the file's version and the b12-status type around it).</summary>
    public static RuleSet LoadRules(string rulesYaml) => Load(("test.yaml", """
        version: 2026.11.0
        derived:
          b12-status:
            fields: { state: text, result: lab }
        rules:

        """ + rulesYaml));

    /// <summary>Reads a sample bundle's facts.</summary>
    public static FactSet Facts(RuleSet ruleSet, string sample)
    {
        var parsed = new FhirJsonParser().ParseFile(RepoPaths.Sample(sample));
        Assert.True(parsed.IsReadable, sample);
        return new FactExtractor(ruleSet.Terminology).Extract(parsed, At);
    }

    /// <summary>Evaluates a rule set over a sample bundle.</summary>
    public static EvaluationResult Evaluate(RuleSet ruleSet, string sample, string profile = "uk") =>
        RuleEngine.Instance.Evaluate(ruleSet, Facts(ruleSet, sample).Facts, new EvaluationContext(At, profile));
}
