using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace B12Cds.Benchmarks;

/// <summary>
/// The floor under <see cref="FactExtractionBenchmarks.Parse"/> on this machine: what reading the same bytes costs
/// with no model at all (every token read, nothing kept) with System.Text.Json's reader and with ours, and building a
/// <see cref="JsonDocument"/> of them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ParseFloorBenchmarks
{
    private byte[] _bundle = [];

    [Params(BenchmarkBundles.Sample, BenchmarkBundles.EhrExport)]
    public string Input { get; set; } = BenchmarkBundles.Sample;

    [GlobalSetup]
    public void Setup() => _bundle = BenchmarkBundles.Load(Input);

    [Benchmark(Baseline = true)]
    public int ReaderScan() => CountTokens(_bundle);

    [Benchmark]
    public int FhirJsonReaderScan() => CountTokensFast(_bundle);

    [Benchmark]
    public bool Utf8Validation() => System.Text.Unicode.Utf8.IsValid(_bundle);

    [Benchmark]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_bundle);
        return document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }

    /// <summary>Reads every token of <paramref name="json"/> with System.Text.Json's reader, keeping nothing.</summary>
    internal static int CountTokens(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Reads every token of <paramref name="json"/> with the parser's own reader, keeping nothing.</summary>
    internal static int CountTokensFast(byte[] json)
    {
        var reader = new B12Cds.Fhir.Json.Reading.FhirJsonReader(json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
