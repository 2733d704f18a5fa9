using System.Text.Json;

namespace B12Cds.LoadTest;

/// <summary>What was measured, in words for people or one JSON object for scripts.</summary>
public sealed class Report
{
    /// <summary>Gets or sets the service base address.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Gets or sets the hook service driven.</summary>
    public required HookService Service { get; init; }

    /// <summary>Gets or sets the request bodies.</summary>
    public required RequestCorpus Corpus { get; init; }

    /// <summary>Gets or sets what was started (null when --url was given).</summary>
    public string? Started { get; init; }

    /// <summary>Gets or sets the started service's process id.</summary>
    public int? ServicePid { get; init; }

    /// <summary>Gets or sets the started service's memory once ready, before warm-up.</summary>
    public ProcessMemory? MemoryAtStart { get; set; }

    /// <summary>Gets or sets the started service's memory after warm-up.</summary>
    public ProcessMemory? MemoryAfterWarmup { get; set; }

    /// <summary>Gets the measured runs (one, or one per sweep step).</summary>
    public List<RunResult> Runs { get; } = [];

    /// <summary>Gets or sets the sweep's p99 bound (null when not sweeping).</summary>
    public double? SweepBoundMs { get; init; }

    /// <summary>Gets or sets the highest swept rate that passed (null when none did or not sweeping).</summary>
    public double? SweepBestRate { get; set; }

    /// <summary>Writes the header: what is driven with what.</summary>
    public void WriteHeader(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var sizes = Corpus.Bodies.Select(b => b.Body.Length).ToArray();
        w.WriteLine($"service     {Service.Id} ({Service.Hook}) at {BaseUri}{(Started is null ? string.Empty : $"  [started: {Started}, pid {ServicePid}]")}");
        w.WriteLine($"prefetch    {string.Join(", ", Service.Prefetch.Select(p => $"{p.Key}={p.ResourceType}{(p.IsRead ? " (read)" : string.Empty)}"))}");
        w.WriteLine($"bodies      {sizes.Length} samples, {sizes.Min() / 1024.0:0.0}–{sizes.Max() / 1024.0:0.0} KB (mean {sizes.Average() / 1024.0:0.0} KB), sent in turn");
        if (MemoryAtStart is { } m)
        {
            w.WriteLine($"memory      ready: {Describe(m)}");
        }
    }

    /// <summary>Writes one run.</summary>
    public static void WriteRun(TextWriter w, RunResult r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        w.WriteLine();
        w.WriteLine($"run         {r.Mode}, {r.Requested} requests");
        w.WriteLine($"requests    {r.Completed} completed, {r.Succeeded} ok, {(r.Failed == 0 ? "no errors" : "errors: " + string.Join(", ", r.Errors.Select(e => $"{e.Key} × {e.Value}")))}");
        w.WriteLine($"throughput  {r.Throughput:0.0} req/s over {r.Seconds:0.00} s{(r.TargetRate is { } t ? $" (target {t:0.#})" : string.Empty)}; {r.RequestBytes / Math.Max(r.Seconds, 1e-9) / 1e6:0.0} MB/s up, {r.ResponseBytes / Math.Max(1, r.Completed) / 1024.0:0.0} KB per response");
        w.WriteLine($"latency ms  {Line(r.Latency)}{(r.TargetRate is null ? string.Empty : "   (from the due time)")}");
        if (r.TargetRate is not null)
        {
            w.WriteLine($"  on wire   {Line(r.ServiceTime)}   (from the actual send)");
            w.WriteLine($"  lag       p50 {r.DispatchLag.Percentile(50):0.000}  p99 {r.DispatchLag.Percentile(99):0.000}  max {r.DispatchLag.Max:0.000}   (client send after due time)");
        }

        var cpu = $"client {r.ClientCpuSeconds:0.0} s";
        if (r.ServiceCpuSeconds is { } s)
        {
            cpu += $", service {s:0.0} s ({s * 1000 / Math.Max(1, r.Completed):0.000} ms per request, {s / Math.Max(r.Seconds, 1e-9) * 100:0}% of one core)";
        }

        w.WriteLine($"cpu         {cpu}");
        if (r.ServiceMemoryAfter is { } m)
        {
            w.WriteLine($"memory      after run: {Describe(m)}");
        }
    }

    /// <summary>Writes the sweep table and its verdict.</summary>
    public void WriteSweep(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        w.WriteLine($"sweep (p99 bound {SweepBoundMs:0.#} ms)");
        w.WriteLine("  target req/s   achieved   p50 ms   p99 ms  p99.9 ms   max ms   errors");
        foreach (var r in Runs)
        {
            w.WriteLine($"  {r.TargetRate,12:0}  {r.Throughput,9:0.0}  {r.Latency.Percentile(50),7:0.00}  {r.Latency.Percentile(99),7:0.00}  {r.Latency.Percentile(99.9),8:0.00}  {r.Latency.Max,7:0.00}  {r.Failed,7}");
        }

        var allPassed = Runs.Count > 0 && Runs[^1].TargetRate == SweepBestRate;
        w.WriteLine(SweepBestRate is { } best
            ? $"highest rate with p99 under {SweepBoundMs:0.#} ms: {best:0} req/s{(allPassed ? " (every rate tried passed: the limit is higher; add rates with --sweep-rates)" : string.Empty)}"
            : $"no rate tried kept p99 under {SweepBoundMs:0.#} ms");
    }

    /// <summary>Writes everything as one JSON object.</summary>
    public void WriteJson(Stream stream)
    {
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("baseUrl", BaseUri.ToString());
        j.WriteString("serviceId", Service.Id);
        j.WriteString("hook", Service.Hook);
        j.WriteNumber("samples", Corpus.Bodies.Count);
        if (Started is not null)
        {
            j.WriteString("started", Started);
            j.WriteNumber("servicePid", ServicePid ?? 0);
        }

        WriteMemory(j, "memoryAtStart", MemoryAtStart);
        WriteMemory(j, "memoryAfterWarmup", MemoryAfterWarmup);
        j.WriteStartArray("runs");
        foreach (var r in Runs)
        {
            j.WriteStartObject();
            j.WriteString("mode", r.Mode);
            if (r.TargetRate is { } rate)
            {
                j.WriteNumber("targetRate", rate);
            }

            if (r.Concurrency is { } c)
            {
                j.WriteNumber("concurrency", c);
            }

            j.WriteNumber("requested", r.Requested);
            j.WriteNumber("completed", r.Completed);
            j.WriteNumber("succeeded", r.Succeeded);
            j.WriteStartObject("errors");
            foreach (var (kind, n) in r.Errors)
            {
                j.WriteNumber(kind, n);
            }

            j.WriteEndObject();
            j.WriteNumber("seconds", Math.Round(r.Seconds, 3));
            j.WriteNumber("throughput", Math.Round(r.Throughput, 1));
            WriteLatency(j, "latencyMs", r.Latency);
            WriteLatency(j, "onWireMs", r.ServiceTime);
            WriteLatency(j, "dispatchLagMs", r.DispatchLag);
            j.WriteNumber("requestBytes", r.RequestBytes);
            j.WriteNumber("responseBytes", r.ResponseBytes);
            j.WriteNumber("clientCpuSeconds", Math.Round(r.ClientCpuSeconds, 3));
            if (r.ServiceCpuSeconds is { } s)
            {
                j.WriteNumber("serviceCpuSeconds", Math.Round(s, 3));
            }

            WriteMemory(j, "memoryAfter", r.ServiceMemoryAfter);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        if (SweepBoundMs is { } bound)
        {
            j.WriteStartObject("sweep");
            j.WriteNumber("p99BoundMs", bound);
            if (SweepBestRate is { } best)
            {
                j.WriteNumber("highestRate", best);
            }
            else
            {
                j.WriteNull("highestRate");
            }

            j.WriteEndObject();
        }

        j.WriteEndObject();
    }

    private static string Line(LatencySummary s) =>
        $"p50 {s.Percentile(50):0.000}  p90 {s.Percentile(90):0.000}  p99 {s.Percentile(99):0.000}  p99.9 {s.Percentile(99.9):0.000}  max {s.Max:0.000}  mean {s.Mean:0.000}";

    private static string Describe(ProcessMemory m) =>
        $"VmRSS {m.ResidentBytes / 1048576.0:0.0} MB, VmHWM {m.PeakResidentBytes / 1048576.0:0.0} MB{(m.AnonymousBytes is { } a ? $", RssAnon {a / 1048576.0:0.0} MB" : string.Empty)}";

    private static void WriteLatency(Utf8JsonWriter j, string name, LatencySummary s)
    {
        j.WriteStartObject(name);
        j.WriteNumber("p50", Math.Round(s.Percentile(50), 3));
        j.WriteNumber("p90", Math.Round(s.Percentile(90), 3));
        j.WriteNumber("p99", Math.Round(s.Percentile(99), 3));
        j.WriteNumber("p999", Math.Round(s.Percentile(99.9), 3));
        j.WriteNumber("max", Math.Round(s.Max, 3));
        j.WriteNumber("mean", Math.Round(s.Mean, 3));
        j.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter j, string name, ProcessMemory? m)
    {
        if (m is null)
        {
            return;
        }

        j.WriteStartObject(name);
        j.WriteNumber("vmRssBytes", m.ResidentBytes);
        j.WriteNumber("vmHwmBytes", m.PeakResidentBytes);
        if (m.AnonymousBytes is { } a)
        {
            j.WriteNumber("rssAnonBytes", a);
        }

        j.WriteEndObject();
    }
}
