using B12Cds.Cards;
using B12Cds.Cards.CdsHooks;
using BenchmarkDotNet.Attributes;

namespace B12Cds.Benchmarks;

/// <summary>
/// Building the CDS Hooks response of a hook call: the engine's result → cards (<see cref="CardFactory"/>) → the
/// response's UTF-8 bytes, over every sample in both profiles (42 responses per operation) with the real rules.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class CardBenchmarks
{
    private CardInputs _inputs = null!;
    private CdsResponse[] _responses = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = CardInputs.Load();
        _responses = [.. _inputs.Evaluations.Select(e => new CardFactory(_inputs.RuleSet).Create(e.Result, e.Options))];
    }

    /// <summary>Builds the cards of every evaluation.</summary>
    [Benchmark]
    public int CreateCards() => CardDriver.Create(_inputs);

    /// <summary>Writes every response as UTF-8 bytes.</summary>
    [Benchmark]
    public long WriteResponses() => CardDriver.Write(_responses);

    /// <summary>Both: what a hook call does after the engine.</summary>
    [Benchmark(Baseline = true)]
    public long CreateAndWrite() => CardDriver.CreateAndWrite(_inputs);
}

/// <summary>The card operations the benchmark and the profile driver run.</summary>
internal static class CardDriver
{
    /// <summary>Builds the cards of every evaluation; returns the card count.</summary>
    public static int Create(CardInputs inputs)
    {
        var cards = 0;
        foreach (var (_, result, options) in inputs.Evaluations)
        {
            cards += new CardFactory(inputs.RuleSet).Create(result, options).Cards.Count;
        }

        return cards;
    }

    /// <summary>Writes every response as the service does; returns the byte count.</summary>
    public static long Write(IReadOnlyList<CdsResponse> responses)
    {
        long bytes = 0;
        foreach (var response in responses)
        {
            bytes += WriteResponse(response);
        }

        return bytes;
    }

    /// <summary>Builds and writes every response; returns the byte count.</summary>
    public static long CreateAndWrite(CardInputs inputs)
    {
        long bytes = 0;
        foreach (var (_, result, options) in inputs.Evaluations)
        {
            bytes += WriteResponse(new CardFactory(inputs.RuleSet).Create(result, options));
        }

        return bytes;
    }

    /// <summary>Writes the response body as the service does (UTF-8 JSON into a pooled buffer); returns its length.</summary>
    public static int WriteResponse(CdsResponse response)
    {
        using var buffer = new PooledBufferWriter();
        CdsHooksJson.Write(buffer, response);
        return buffer.WrittenCount;
    }

    /// <summary>Writes every response (compact and indented) to <paramref name="folder"/>, to compare two builds byte for byte.</summary>
    public static int Dump(string folder)
    {
        var inputs = CardInputs.Load();
        Directory.CreateDirectory(folder);
        long bytes = 0;
        foreach (var (name, result, options) in inputs.Evaluations)
        {
            var response = new CardFactory(inputs.RuleSet).Create(result, options);
            var compact = CdsHooksJson.SerializeToUtf8Bytes(response);
            bytes += compact.Length;
            File.WriteAllBytes(Path.Combine(folder, $"{name}.json"), compact);
            File.WriteAllText(Path.Combine(folder, $"{name}.indented.json"), CdsHooksJson.Serialize(response, indented: true));
            foreach (var card in response.Cards)
            {
                File.WriteAllText(Path.Combine(folder, $"{name}.{card.Uuid}.card.json"), CdsHooksJson.Serialize(card));
            }
        }

        Console.WriteLine($"{inputs.Evaluations.Count} responses, {bytes:N0} bytes, mean {bytes / inputs.Evaluations.Count:N0} bytes");
        return 0;
    }

    /// <summary>Runs an operation in a plain loop (for timing and instruction counts); each iteration covers every evaluation.</summary>
    public static int Run(string operation, int iterations)
    {
        var inputs = CardInputs.Load();
        CdsResponse[] responses = [.. inputs.Evaluations.Select(e => new CardFactory(inputs.RuleSet).Create(e.Result, e.Options))];
        long sink = 0;
        var perResponse = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            sink += operation switch
            {
                "create" => Create(inputs),
                "write" => Write(responses),
                "both" => CreateAndWrite(inputs),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Expected create, write or both."),
            };
            perResponse.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds / inputs.Evaluations.Count);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        perResponse.Sort();
        Console.WriteLine(
            $"cards {operation} x{iterations} ({inputs.Evaluations.Count} responses each): min {perResponse[0]:F2} µs, median {perResponse[perResponse.Count / 2]:F2} µs per response, "
            + $"{allocated / ((double)iterations * inputs.Evaluations.Count):N0} bytes allocated per response [{sink}]");
        return 0;
    }
}
