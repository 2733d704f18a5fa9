using System.Net;
using System.Text.Json;

namespace B12Cds.LoadTest;

/// <summary>One load run (or sweep) end to end: start or reach the service, discover, build the bodies, warm up, measure, report.</summary>
public static class LoadApp
{
    /// <summary>Exit code: every measured request succeeded (and a sweep found a passing rate).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: some requests failed, a sweep found no passing rate, or the self-test failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the run could not happen (bad options, the service would not start, no samples).</summary>
    public const int CannotRun = 2;

    /// <summary>Exit code: interrupted (Ctrl+C or SIGTERM); a started service was stopped.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs <paramref name="settings"/>; text (or JSON with progress on <paramref name="error"/>) on <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var progress = settings.Json ? error : output;
        if (Validate(settings) is { } problem)
        {
            error.WriteLine(problem);
            return CannotRun;
        }

        var samples = settings.Samples ?? RepoPaths.FindUp("fhir-samples");
        if (samples is null || !Directory.Exists(samples))
        {
            error.WriteLine("No sample folder: pass --samples or run inside the repository (fhir-samples/).");
            return CannotRun;
        }

        ServiceProcess? service = null;
        try
        {
            Uri baseUri;
            string? started = null;
            if (settings.StartService is { } path)
            {
                var launch = path == "stub"
                    ? ServiceLaunch.Stub
                    : await ServiceProcess.ResolveAsync(path, progress, cancellationToken).ConfigureAwait(false);
                var environment = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Logging__LogLevel__Default"] = settings.ServiceLogLevel,
                    ["Logging__LogLevel__Microsoft.AspNetCore"] = settings.ServiceLogLevel,
                };
                if ((settings.Rules ?? RepoPaths.FindUp("rules")) is { } rules)
                {
                    environment["B12Cds__RulesDirectory"] = Path.GetFullPath(rules);
                }

                foreach (var (k, v) in settings.ServiceEnvironment)
                {
                    environment[k] = v;
                }

                progress.WriteLine($"starting {launch.Description} (log level {settings.ServiceLogLevel})…");
                service = await ServiceProcess.StartAsync(launch, environment, settings.ReadyTimeout, cancellationToken).ConfigureAwait(false);
                baseUri = service.BaseUri;
                started = launch.Description;
            }
            else
            {
                var url = settings.Url!.ToString();
                baseUri = new Uri(url.EndsWith('/') ? url : url + "/");
            }

            var hookService = await DiscoverAsync(baseUri, settings, cancellationToken).ConfigureAwait(false);
            var corpus = RequestCorpus.Load(samples, hookService);
            var report = new Report
            {
                BaseUri = baseUri,
                Service = hookService,
                Corpus = corpus,
                Started = started,
                ServicePid = service?.ProcessId,
                MemoryAtStart = service?.Memory(),
                SweepBoundMs = settings.Sweep ? settings.P99BoundMs : null,
            };
            report.WriteHeader(progress);

            var rates = settings.Sweep ? settings.SweepRates : settings.Rate is { } r ? [r] : [];
            var hookUri = new Uri(baseUri, "cds-services/" + Uri.EscapeDataString(hookService.Id));
            using var runner = new LoadRunner(hookUri, corpus, settings.EffectiveConnections(rates.Count > 0 ? rates.Max() : null), settings.Timeout);

            if (settings.Warmup > 0)
            {
                var warm = await RunOnceAsync(runner, settings, rates.Count > 0 ? rates[0] : null, settings.Warmup, cancellationToken).ConfigureAwait(false);
                progress.WriteLine($"warm-up     {warm.Completed} requests, {warm.Failed} failed, p99 {warm.Latency.Percentile(99):0.00} ms");
                if (warm.Succeeded == 0)
                {
                    error.WriteLine($"Every warm-up request failed ({string.Join(", ", warm.Errors.Select(e => $"{e.Key} × {e.Value}"))}); stopping.");
                    return Failed;
                }

                report.MemoryAfterWarmup = service?.Memory();
            }

            if (settings.Sweep)
            {
                foreach (var rate in rates)
                {
                    var step = await MeasureAsync(runner, settings, rate, service, cancellationToken).ConfigureAwait(false);
                    report.Runs.Add(step);
                    Report.WriteRun(progress, step);
                    var passed = step.Failed == 0 && step.Latency.Percentile(99) < settings.P99BoundMs && step.Throughput >= rate * 0.9;
                    if (!passed)
                    {
                        break;
                    }

                    report.SweepBestRate = rate;

                    // Let the service drain and settle between steps.
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }

                if (!settings.Json)
                {
                    report.WriteSweep(output);
                }
            }
            else
            {
                var run = await MeasureAsync(runner, settings, settings.Rate, service, cancellationToken).ConfigureAwait(false);
                report.Runs.Add(run);
                if (!settings.Json)
                {
                    Report.WriteRun(output, run);
                }
            }

            if (settings.Json)
            {
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                using var stdout = Console.OpenStandardOutput();
                report.WriteJson(stdout);
                stdout.Write("\n"u8);
            }

            return settings.Sweep
                ? report.SweepBestRate is null ? Failed : Ok
                : report.Runs.All(x => x.Failed == 0) ? Ok : Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine(service is null ? "Interrupted." : "Interrupted: stopping the service.");
            return Interrupted;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TimeoutException
            or FormatException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            if (service is not null && e is not TimeoutException && service.HasExited)
            {
                error.WriteLine("The service exited. Its output:");
                error.WriteLine(service.LogTail());
            }

            return CannotRun;
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>What is wrong with the options, or null.</summary>
    public static string? Validate(LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings.Url is null) == (settings.StartService is null))
        {
            return "Give either --url (a running service) or --start-service (a service DLL or project to start).";
        }

        if (settings.Rate is not null && settings.Concurrency is not null)
        {
            return "Give either --rate (open loop) or --concurrency (closed loop), not both.";
        }

        if (settings.Sweep && settings.Concurrency is not null)
        {
            return "--sweep tries open-loop rates; it does not combine with --concurrency.";
        }

        if (settings.Rate is <= 0 || settings.Concurrency is <= 0 || settings.Count <= 0 || settings.Warmup < 0)
        {
            return "--rate, --concurrency and --count must be positive, --warmup zero or more.";
        }

        if (settings.Sweep && (settings.SweepRates.Count == 0 || settings.SweepRates.Any(r => r <= 0)))
        {
            return "--sweep-rates must list positive rates.";
        }

        return null;
    }

    /// <summary>Reads the discovery document and picks the service to drive.</summary>
    public static async Task<HookService> DiscoverAsync(Uri baseUri, LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(settings);
        using var client = LoadRunner.CreateClient(1, TimeSpan.FromSeconds(10));
        using var response = await client.GetAsync(new Uri(baseUri, "cds-services"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {baseUri}cds-services answered {(int)response.StatusCode}: the service has no CDS Hooks discovery endpoint there.");
        }

        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return HookService.Select(HookService.ParseDiscovery(json), settings.Hook, settings.ServiceId);
    }

    private static Task<RunResult> RunOnceAsync(LoadRunner runner, LoadSettings settings, double? rate, int count, CancellationToken cancellationToken) =>
        rate is { } r
            ? runner.RunOpenLoopAsync(r, count, cancellationToken)
            : runner.RunClosedLoopAsync(settings.Concurrency ?? 1, count, cancellationToken);

    private static async Task<RunResult> MeasureAsync(LoadRunner runner, LoadSettings settings, double? rate, ServiceProcess? service, CancellationToken cancellationToken)
    {
        var cpuBefore = service?.CpuTime();
        var result = await RunOnceAsync(runner, settings, rate, settings.Count, cancellationToken).ConfigureAwait(false);
        if (service is not null)
        {
            result.ServiceCpuSeconds = (service.CpuTime() - cpuBefore!.Value).TotalSeconds;
            result.ServiceMemoryAfter = service.Memory();
        }

        return result;
    }
}
