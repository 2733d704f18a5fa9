using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using BenchmarkDotNet.Attributes;

namespace B12Cds.Benchmarks;

/// <summary>
/// Target (c): how evaluation grows with 10 and 100 times more rules (1,000; 10,000) and 10 and 100 times more facts
/// (about 500 and 5,000: the 50-resource patient's history repeated, each copy a month earlier).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class EngineGrowthBenchmarks
{
    private readonly EvaluationContext _context = new(PatientGenerator.At, "uk");
    private RuleSet _ruleSet = null!;
    private IReadOnlyList<Fact> _facts = [];

    [Params(100, 1_000, 10_000)]
    public int Rules { get; set; }

    [Params(1, 10, 100)]
    public int FactScale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = RuleSets.LoadGenerated(Rules);
        _facts = PatientGenerator.Scale(PatientGenerator.SampleFacts(_ruleSet.Terminology), FactScale);
    }

    [Benchmark]
    public EvaluationResult Evaluate() => RuleEngine.Instance.Evaluate(_ruleSet, _facts, _context);
}
