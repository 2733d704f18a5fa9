using B12Cds.Facts.Terminology;
using B12Cds.Rules.Loading;
using BenchmarkDotNet.Attributes;

namespace B12Cds.Benchmarks;

/// <summary>
/// Target (b): loading and validating a folder of 100 generated rules takes under 200 ms: what a hot reload costs.
/// Split into its parts: the value sets alone, and compiling the rule files from text against loaded value sets.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class RuleSetLoadBenchmarks
{
    private string _folder = string.Empty;
    private TerminologyCatalog _terminology = null!;
    private List<(string File, string Yaml)> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = RuleSetGenerator.CreateTemporary(100);
        try
        {
            RuleSets.Load(_folder);
            _terminology = TerminologyLoader.LoadDirectory(Path.Combine(_folder, RuleSetLoader.ValueSetFolder)).Catalog
                ?? throw new InvalidOperationException("The value sets do not load.");
            _files = RuleSetLoader.RuleFiles(_folder).Select(f => (f, File.ReadAllText(f))).ToList();
        }
        catch
        {
            RuleSetGenerator.Delete(_folder);
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => RuleSetGenerator.Delete(_folder);

    /// <summary>Everything a reload does: read and validate value sets, parameters, regimens and 100 rules, and compile them.</summary>
    [Benchmark(Baseline = true)]
    public RuleSetLoadResult LoadDirectory100Rules() => RuleSetLoader.LoadDirectory(_folder);

    [Benchmark]
    public TerminologyLoadResult LoadValueSetsOnly() => TerminologyLoader.LoadDirectory(Path.Combine(_folder, RuleSetLoader.ValueSetFolder));

    [Benchmark]
    public RuleSetLoadResult CompileRulesFromText() => RuleSetLoader.Load(_terminology, _files);
}
