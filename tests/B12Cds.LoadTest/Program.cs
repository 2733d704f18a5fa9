using System.CommandLine;
using System.Globalization;
using B12Cds.LoadTest;

// The self-test starts this program as a stand-in service: `stub-server --urls URL` (not part of the documented command line).
if (args.Length > 0 && args[0] == "stub-server")
{
    return await StubServer.RunStandaloneAsync(args).ConfigureAwait(false);
}

var url = new Option<string?>("--url") { Description = "Base address of a running service, e.g. http://127.0.0.1:5080." };
var startService = new Option<string?>("--start-service")
{
    Description = "Start the service as a child process on a free loopback port (temp data folder; stopped at the end): its DLL, its project folder or .csproj (built in Release), a program, or 'stub' for the tool's own stub service.",
};
var rate = new Option<double?>("--rate") { Description = "Open loop: requests per second on a fixed timetable; latency counts from each request's due time. Default 1000 when neither --rate nor --concurrency is given." };
var concurrency = new Option<int?>("--concurrency") { Description = "Closed loop: this many callers, each sending its next request when the previous one answers." };
var count = new Option<int>("--count") { Description = "Measured requests (per sweep step).", DefaultValueFactory = _ => 10_000 };
var warmup = new Option<int>("--warmup") { Description = "Requests sent first and not measured.", DefaultValueFactory = _ => 1_000 };
var sweep = new Option<bool>("--sweep") { Description = "Try increasing open-loop rates (see --sweep-rates) until p99 reaches --p99-bound; report the highest that stayed under it." };
var sweepRates = new Option<string>("--sweep-rates") { Description = "Comma-separated rates for --sweep.", DefaultValueFactory = _ => "250,500,1000,1500,2000,3000,4000,6000,8000" };
var bound = new Option<double>("--p99-bound") { Description = "The p99 bound of --sweep, in milliseconds.", DefaultValueFactory = _ => 50 };
var connections = new Option<int?>("--connections") { Description = "Connection pool size (default: the concurrency, or rate × 50 ms, at least 8)." };
var timeout = new Option<int>("--timeout-ms") { Description = "Per-request timeout in milliseconds.", DefaultValueFactory = _ => 10_000 };
var samples = new Option<string?>("--samples") { Description = "Folder of FHIR Bundles, one patient each (default: the repository's fhir-samples)." };
var rules = new Option<string?>("--rules") { Description = "Rules folder for a started service (default: the repository's rules)." };
var serviceEnv = new Option<string[]>("--service-env") { Description = "KEY=VALUE environment variable for a started service (repeatable), e.g. DOTNET_gcServer=1.", AllowMultipleArgumentsPerToken = false };
var logLevel = new Option<string>("--service-log-level") { Description = "Default log level of a started service.", DefaultValueFactory = _ => "Warning" };
var serviceId = new Option<string?>("--service-id") { Description = "The CDS service id to drive (default: the first patient-view service in discovery)." };
var hook = new Option<string>("--hook") { Description = "The hook whose service is driven.", DefaultValueFactory = _ => "patient-view" };
var readyTimeout = new Option<int>("--ready-timeout") { Description = "Seconds to wait for a started service's /health/ready.", DefaultValueFactory = _ => 60 };
var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output (progress on standard error)." };
var selfTest = new Option<bool>("--self-test") { Description = "Check the tool itself against an in-process stub service (statistics, timetable, bodies, error counting, child process lifecycle)." };

var root = new RootCommand("B12 CDS load tool: drives a CDS hook with the fhir-samples bundles on loopback and reports throughput, latency percentiles and the service's memory.")
{
    url, startService, rate, concurrency, count, warmup, sweep, sweepRates, bound, connections, timeout, samples, rules,
    serviceEnv, logLevel, serviceId, hook, readyTimeout, json, selfTest,
};

root.SetAction(async (result, cancellationToken) =>
{
    if (result.GetValue(selfTest))
    {
        return await SelfTest.RunAsync(result.GetValue(samples), Console.Out, cancellationToken).ConfigureAwait(false);
    }

    var environment = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var pair in result.GetValue(serviceEnv) ?? [])
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            await Console.Error.WriteLineAsync($"--service-env expects KEY=VALUE, not '{pair}'.").ConfigureAwait(false);
            return LoadApp.CannotRun;
        }

        environment[pair[..eq]] = pair[(eq + 1)..];
    }

    var rates = new List<double>();
    foreach (var part in (result.GetValue(sweepRates) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
        {
            await Console.Error.WriteLineAsync($"--sweep-rates: '{part}' is not a number.").ConfigureAwait(false);
            return LoadApp.CannotRun;
        }

        rates.Add(r);
    }

    Uri? baseUrl = null;
    if (result.GetValue(url) is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
    {
        await Console.Error.WriteLineAsync($"--url: '{text}' is not an http(s) address.").ConfigureAwait(false);
        return LoadApp.CannotRun;
    }

    var isSweep = result.GetValue(sweep);
    var settings = new LoadSettings
    {
        Url = baseUrl,
        StartService = result.GetValue(startService),
        Rate = result.GetValue(rate) ?? (result.GetValue(concurrency) is null && !isSweep ? 1000 : null),
        Concurrency = result.GetValue(concurrency),
        Count = result.GetValue(count),
        Warmup = result.GetValue(warmup),
        Sweep = isSweep,
        SweepRates = rates,
        P99BoundMs = result.GetValue(bound),
        Connections = result.GetValue(connections),
        Timeout = TimeSpan.FromMilliseconds(result.GetValue(timeout)),
        Samples = result.GetValue(samples),
        Rules = result.GetValue(rules),
        ServiceEnvironment = environment,
        ServiceLogLevel = result.GetValue(logLevel) ?? "Warning",
        ServiceId = result.GetValue(serviceId),
        Hook = result.GetValue(hook) ?? "patient-view",
        ReadyTimeout = TimeSpan.FromSeconds(result.GetValue(readyTimeout)),
        Json = result.GetValue(json),
    };
    return await LoadApp.RunAsync(settings, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
});

// Ctrl+C / SIGTERM cancel the token; the run stops and the started service is stopped before the tool exits.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) }).ConfigureAwait(false);
