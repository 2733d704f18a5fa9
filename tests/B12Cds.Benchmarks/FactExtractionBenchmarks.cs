using BenchmarkDotNet.Attributes;
using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;

namespace B12Cds.Benchmarks;

/// <summary>Issue 2's target: parse + fact extraction of a 50-resource patient bundle under 100 µs (median).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class FactExtractionBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FhirJsonParser _parser = new();
    private byte[] _bundle = [];
    private FactExtractor _extractor = null!;
    private FhirParseResult _parsed = null!;

    /// <summary>Gets or sets the input: the sample bundle as stored, or the same resources as an EHR exports them.</summary>
    [Params(BenchmarkBundles.Sample, BenchmarkBundles.EhrExport)]
    public string Input { get; set; } = BenchmarkBundles.Sample;

    [GlobalSetup]
    public void Setup()
    {
        _bundle = BenchmarkBundles.Load(Input);
        var terminology = TerminologyLoader.LoadDirectory(Path.Combine(RepoFiles.Rules, "valuesets"));
        _extractor = new FactExtractor(terminology.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, terminology.Diagnostics)));
        _parsed = _parser.Parse(_bundle);
    }

    [Benchmark]
    public FhirParseResult Parse() => _parser.Parse(_bundle);

    [Benchmark]
    public FactSet Extract() => _extractor.Extract(_parsed, AsOf);

    [Benchmark(Baseline = true)]
    public FactSet ParseAndExtract() => _extractor.Extract(_parser.Parse(_bundle), AsOf);
}
