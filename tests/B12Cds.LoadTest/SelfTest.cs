using System.Text.Json;

namespace B12Cds.LoadTest;

/// <summary>
/// <c>--self-test</c>: checks the tool's own parts (percentiles on known data, the open-loop timetable, the request
/// bodies built from the samples, error counting) and drives an in-process stub service and a stub started as a child
/// process, so the numbers the tool prints can be trusted before they are pointed at the real service.
/// </summary>
public static class SelfTest
{
    /// <summary>Runs every check, prints one line each, and returns 0 when all pass.</summary>
    public static async Task<int> RunAsync(string? samplesDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failures = 0;
        void Check(string name, bool ok, string detail = "")
        {
            output.WriteLine($"{(ok ? "PASS" : "FAIL")}  {name}{(detail.Length == 0 ? string.Empty : "  — " + detail)}");
            if (!ok)
            {
                failures++;
            }
        }

        CheckStatistics(Check);
        CheckSchedule(Check);
        CheckProcStatus(Check);

        var samples = samplesDirectory ?? RepoPaths.FindUp("fhir-samples");
        if (samples is null)
        {
            Check("sample folder found", false, "pass --samples");
            return LoadApp.Failed;
        }

        var service = HookService.Select(HookService.ParseDiscovery(System.Text.Encoding.UTF8.GetBytes(StubServer.DiscoveryJson)), "patient-view", null);
        var corpus = RequestCorpus.Load(samples, service);
        CheckCorpus(Check, corpus, service, Directory.GetFiles(samples, "*.json").Length);

        await using (var stub = await StubServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var discovered = await LoadApp.DiscoverAsync(stub.BaseUri, new LoadSettings(), cancellationToken).ConfigureAwait(false);
            Check("discovery: picks the patient-view service and reads 8 prefetch templates", discovered.Id == StubServer.ServiceId && discovered.Prefetch.Count == 8);

            var hookUri = new Uri(stub.BaseUri, "cds-services/" + StubServer.ServiceId);
            using (var runner = new LoadRunner(hookUri, corpus, 16, TimeSpan.FromSeconds(10)))
            {
                const int Rate = 400, Count = 400, Warm = 100;
                _ = await runner.RunOpenLoopAsync(Rate, Warm, cancellationToken).ConfigureAwait(false);
                var open = await runner.RunOpenLoopAsync(Rate, Count, cancellationToken).ConfigureAwait(false);
                Check($"open loop {Rate} req/s × {Count}: every request answered 200 with cards", open.Completed == Count && open.Succeeded == Count, Summary(open));
                Check("open loop: achieved rate within 25 % of the target (a busy machine can delay the last answers)", Math.Abs(open.Throughput - Rate) <= Rate * 0.25, $"{open.Throughput:0.0} req/s");
                Check("open loop: run time ≈ count / rate", open.Seconds >= (Count - 1.0) / Rate && open.Seconds < (Count / (double)Rate) + 1, $"{open.Seconds:0.000} s");
                Check("open loop: 0 < p50 ≤ p90 ≤ p99 ≤ p99.9 ≤ max, on-wire ≤ from-due", Ordered(open.Latency) && open.ServiceTime.Percentile(50) <= open.Latency.Percentile(50) + 1e-9);

                var closed = await runner.RunClosedLoopAsync(4, Count, cancellationToken).ConfigureAwait(false);
                Check($"closed loop, concurrency 4 × {Count}: every request answered 200 with cards", closed.Completed == Count && closed.Succeeded == Count, Summary(closed));
                Check("closed loop: latency ordered and lag zero", Ordered(closed.Latency) && closed.DispatchLag.Max == 0);

                var total = Warm + Count + Count;
                Check("stub: every call passed its checks (hook, UUID hookInstance, context, prefetch keys and types)", stub.Rejections.Count == 0, string.Join("; ", stub.Rejections.Select(r => $"{r.Key} × {r.Value}")));
                Check("stub: one call per request, each with a distinct hookInstance", stub.Calls == total && stub.DistinctInstances == total, $"{stub.Calls} calls, {stub.DistinctInstances} distinct");
                Check("stub: every sample patient was sent", stub.Patients.Count == corpus.Bodies.Select(b => b.PatientId).Distinct().Count(), $"{stub.Patients.Count} patients");
            }

            using (var wrong = new LoadRunner(new Uri(stub.BaseUri, "cds-services/no-such-service"), corpus, 2, TimeSpan.FromSeconds(10)))
            {
                var bad = await wrong.RunClosedLoopAsync(2, 20, cancellationToken).ConfigureAwait(false);
                Check("errors are counted by status (20 × HTTP 400)", bad.Succeeded == 0 && bad.Errors.TryGetValue("HTTP 400", out var n) && n == 20, string.Join(", ", bad.Errors.Select(e => $"{e.Key} × {e.Value}")));
            }

            var port = ServiceProcess.FreeLoopbackPort();
            using (var refused = new LoadRunner(new Uri($"http://127.0.0.1:{port}/cds-services/x"), corpus, 2, TimeSpan.FromSeconds(5)))
            {
                var down = await refused.RunClosedLoopAsync(1, 5, cancellationToken).ConfigureAwait(false);
                Check("a refused connection is counted, not thrown", down.Completed == 5 && down.Failed == 5, string.Join(", ", down.Errors.Select(e => $"{e.Key} × {e.Value}")));
            }
        }

        await CheckChildProcessAsync(Check, corpus, cancellationToken).ConfigureAwait(false);

        output.WriteLine(failures == 0 ? "self-test passed" : $"self-test FAILED: {failures} check(s)");
        return failures == 0 ? LoadApp.Ok : LoadApp.Failed;
    }

    private static void CheckStatistics(Action<string, bool, string> check)
    {
        // 1..1000 in a scrambled order (997 is prime, so i*997 mod 1000 visits every residue once).
        var values = new long[1000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((i * 997L) % 1000) + 1;
        }

        var s = LatencySummary.FromTicks(values, values.Length, 1000);
        check(
            "percentiles of 1..1000 ms: p50 500, p90 900, p99 990, p99.9 999, max 1000, mean 500.5",
            s.Percentile(50) == 500 && s.Percentile(90) == 900 && s.Percentile(99) == 990 && s.Percentile(99.9) == 999
                && s.Percentile(100) == 1000 && s.Max == 1000 && s.Min == 1 && Math.Abs(s.Mean - 500.5) < 1e-9,
            $"p50 {s.Percentile(50)}, p99 {s.Percentile(99)}, p99.9 {s.Percentile(99.9)}");

        var few = LatencySummary.FromTicks([7, 3, 5, 1, 0, 0], 4, 1000);
        var none = LatencySummary.FromTicks([], 0, 1000);
        check(
            "percentiles of 4 values use only the filled part; none gives zeros",
            few.Count == 4 && few.Percentile(50) == 3 && few.Percentile(99) == 7 && few.Min == 1 && none.Percentile(99) == 0 && none.Max == 0,
            string.Empty);
    }

    private static void CheckSchedule(Action<string, bool, string> check)
    {
        var schedule = new OpenLoopSchedule(1_000_000, 1000, 1_000_000_000);
        var ok = schedule.DueAt(0) == 1_000_000 && schedule.DueAt(1000) == 1_001_000_000 && schedule.DueBy(999_999, 10) == 0;
        for (var i = 0; i < 5000 && ok; i++)
        {
            ok = schedule.DueBy(schedule.DueAt(i), int.MaxValue) == i + 1 && schedule.DueBy(schedule.DueAt(i) - 1, int.MaxValue) == i;
        }

        var odd = new OpenLoopSchedule(0, 3, 10);
        ok = ok && odd.DueAt(1) == 3 && odd.DueAt(2) == 7 && odd.DueAt(3) == 10 && odd.DueBy(9, 100) == 3 && odd.DueBy(1_000, 5) == 5;
        check("open-loop timetable: request i due at start + i/rate, no drift, due counts agree", ok, string.Empty);
    }

    private static void CheckProcStatus(Action<string, bool, string> check)
    {
        var m = ProcessMemory.Parse(["Name:\tdotnet", "VmHWM:\t  204800 kB", "VmRSS:\t  102400 kB", "RssAnon:\t   51200 kB"]);
        var self = ProcessMemory.Read(Environment.ProcessId);
        check(
            "/proc/<pid>/status: VmRSS, VmHWM and RssAnon read (and this process's own)",
            m is { ResidentBytes: 100 * 1048576, PeakResidentBytes: 200 * 1048576, AnonymousBytes: 50 * 1048576 }
                && (!OperatingSystem.IsLinux() || self is { ResidentBytes: > 0 }),
            self is null ? "no /proc" : $"own VmRSS {self.ResidentBytes / 1048576.0:0} MB");
    }

    private static void CheckCorpus(Action<string, bool, string> check, RequestCorpus corpus, HookService service, int files)
    {
        var problems = new List<string>();
        foreach (var body in corpus.Bodies)
        {
            var content = new HookRequestContent(body, Guid.NewGuid());
            using var document = JsonDocument.Parse(content.ToArray());
            var root = document.RootElement;
            var prefetch = root.GetProperty("prefetch");
            if (root.GetProperty("hookInstance").GetString() != System.Text.Encoding.UTF8.GetString(content.Instance)
                || root.GetProperty("context").GetProperty("patientId").GetString() != body.PatientId
                || prefetch.GetProperty("patient").GetProperty("id").GetString() != body.PatientId
                || service.Prefetch.Any(p => !prefetch.TryGetProperty(p.Key, out _)))
            {
                problems.Add(body.Sample);
            }
        }

        check($"bodies: one per sample ({files}), valid JSON, fresh hookInstance patched in, patient read and every prefetch key present", corpus.Bodies.Count == files && problems.Count == 0, string.Join(", ", problems));

        var messy = corpus.Bodies.FirstOrDefault(b => b.Sample == "messy-ehr");
        if (messy is not null)
        {
            using var document = JsonDocument.Parse(new HookRequestContent(messy, Guid.NewGuid()).ToArray());
            var given = document.RootElement.GetProperty("prefetch").GetProperty("patient").GetProperty("name")[0].GetProperty("given")[0].GetString();
            check("bodies: messy-ehr's subject is the most referenced Patient (Graham, not Patricia)", given == "Graham", given ?? "no name");
        }
    }

    private static async Task CheckChildProcessAsync(Action<string, bool, string> check, RequestCorpus corpus, CancellationToken cancellationToken)
    {
        var service = await ServiceProcess.StartAsync(ServiceLaunch.Stub, new Dictionary<string, string>(StringComparer.Ordinal), TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        var pid = service.ProcessId;
        var temp = service.TempDirectory;
        RunResult run;
        ProcessMemory? memory;
        TimeSpan cpu;
        try
        {
            var discovered = await LoadApp.DiscoverAsync(service.BaseUri, new LoadSettings(), cancellationToken).ConfigureAwait(false);
            using var runner = new LoadRunner(new Uri(service.BaseUri, "cds-services/" + discovered.Id), corpus, 2, TimeSpan.FromSeconds(10));
            run = await runner.RunClosedLoopAsync(2, 200, cancellationToken).ConfigureAwait(false);
            memory = service.Memory();
            cpu = service.CpuTime();
        }
        finally
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }

        check("child service: started on a free loopback port, ready, 200 requests answered", run.Succeeded == 200, Summary(run));
        check(
            "child service: VmRSS/VmHWM and CPU time read from its process",
            !OperatingSystem.IsLinux() || (memory is { ResidentBytes: > 0 } && memory.PeakResidentBytes >= memory.ResidentBytes && cpu > TimeSpan.Zero),
            memory is null ? "no /proc" : $"VmRSS {memory.ResidentBytes / 1048576.0:0.0} MB, VmHWM {memory.PeakResidentBytes / 1048576.0:0.0} MB, CPU {cpu.TotalSeconds:0.00} s");
        var gone = !OperatingSystem.IsLinux() || !Directory.Exists($"/proc/{pid}") || !IsRunning(pid);
        check("child service: stopped at the end, temp data folder deleted", gone && !Directory.Exists(temp), $"pid {pid}");
    }

    /// <summary>A reaped pid disappears from /proc; a zombie (state Z) is not running either.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Ordered(LatencySummary s) =>
        s.Percentile(50) > 0 && s.Percentile(50) <= s.Percentile(90) && s.Percentile(90) <= s.Percentile(99)
        && s.Percentile(99) <= s.Percentile(99.9) && s.Percentile(99.9) <= s.Max;

    private static string Summary(RunResult r) =>
        $"{r.Succeeded}/{r.Completed} ok, {r.Throughput:0} req/s, p50 {r.Latency.Percentile(50):0.00} ms, p99 {r.Latency.Percentile(99):0.00} ms"
        + (r.Errors.Count == 0 ? string.Empty : "; " + string.Join(", ", r.Errors.Select(e => $"{e.Key} × {e.Value}")));
}
