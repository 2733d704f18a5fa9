using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using BenchmarkDotNet.Attributes;

namespace B12Cds.Benchmarks;

/// <summary>Target (d): one whole request with the real rules folder: parse the 50-resource bundle, extract facts, evaluate.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class EndToEndBenchmarks
{
    private readonly FhirJsonParser _parser = new();
    private readonly EvaluationContext _context = new(PatientGenerator.At, "uk");
    private byte[] _bundle = [];
    private RuleSet _ruleSet = null!;
    private FactExtractor _extractor = null!;
    private IReadOnlyList<Fact> _facts = [];

    [GlobalSetup]
    public void Setup()
    {
        _bundle = File.ReadAllBytes(RepoFiles.Sample("large-50-resources.json"));
        _ruleSet = RuleSets.Load(RepoFiles.Rules);
        _extractor = new FactExtractor(_ruleSet.Terminology);
        _facts = _extractor.Extract(_parser.Parse(_bundle), PatientGenerator.At).Facts;
    }

    [Benchmark(Baseline = true)]
    public EvaluationResult ParseExtractEvaluate() =>
        RuleEngine.Instance.Evaluate(_ruleSet, _extractor.Extract(_parser.Parse(_bundle), PatientGenerator.At).Facts, _context);

    [Benchmark]
    public EvaluationResult EvaluateOnly() => RuleEngine.Instance.Evaluate(_ruleSet, _facts, _context);
}
