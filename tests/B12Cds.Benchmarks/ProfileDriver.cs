using B12Cds.Facts.Extraction;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;

namespace B12Cds.Benchmarks;

/// <summary>Runs parse and/or extraction of a benchmark input in a plain loop, for instruction counting.</summary>
internal static class ProfileDriver
{
    public static int Run(string input, string operation, int iterations)
    {
        var bundle = BenchmarkBundles.Load(input);
        var parser = new FhirJsonParser();
        var terminology = TerminologyLoader.LoadDirectory(Path.Combine(RepoFiles.Rules, "valuesets"));
        var extractor = new FactExtractor(terminology.Catalog ?? throw new InvalidOperationException("The value sets do not load."));
        var parsed = parser.Parse(bundle);
        var facts = 0;
        const int Batch = 10;
        var perOp = new List<double>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i += Batch)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var j = 0; j < Batch; j++)
            {
                facts += operation switch
                {
                    "parse" => parser.Parse(bundle).Issues.Count,
                    "extract" => extractor.Extract(parsed, PatientGenerator.At).Facts.Count,
                    "both" => extractor.Extract(parser.Parse(bundle), PatientGenerator.At).Facts.Count,
                    "scan" => ParseFloorBenchmarks.CountTokens(bundle),
                    "fastscan" => ParseFloorBenchmarks.CountTokensFast(bundle),
                    _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Expected parse, extract, both, scan or fastscan."),
                };
            }

            perOp.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / Batch);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / iterations;
        perOp.Sort();
        Console.WriteLine($"{input} {operation} x{iterations} ({bundle.Length:N0} bytes): min {perOp[0]:F1} µs, median {perOp[perOp.Count / 2]:F1} µs per operation, {allocated:N0} bytes allocated [{facts}]");
        return 0;
    }
}
