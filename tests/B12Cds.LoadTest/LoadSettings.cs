namespace B12Cds.LoadTest;

/// <summary>The options of one invocation of the load tool.</summary>
public sealed record LoadSettings
{
    /// <summary>Gets the base address of a running service (or null to start one).</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the service DLL, program, project folder or .csproj to start as a child process.</summary>
    public string? StartService { get; init; }

    /// <summary>Gets the open-loop rate in requests per second (null for closed loop).</summary>
    public double? Rate { get; init; }

    /// <summary>Gets the closed-loop concurrency (null for open loop).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the measured requests per run (per step of a sweep).</summary>
    public int Count { get; init; } = 10_000;

    /// <summary>Gets the requests sent before measuring, to warm up the JIT, the connection pool and the service's caches.</summary>
    public int Warmup { get; init; } = 1_000;

    /// <summary>Gets whether to try increasing rates and report the highest whose p99 stays under <see cref="P99BoundMs"/>.</summary>
    public bool Sweep { get; init; }

    /// <summary>Gets the rates a sweep tries, in order.</summary>
    public IReadOnlyList<double> SweepRates { get; init; } = [250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000];

    /// <summary>Gets the p99 bound of a sweep, in milliseconds.</summary>
    public double P99BoundMs { get; init; } = 50;

    /// <summary>Gets the connection pool size (null: sized for the rate or the concurrency).</summary>
    public int? Connections { get; init; }

    /// <summary>Gets the per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the folder of sample Bundles (null: the repository's fhir-samples).</summary>
    public string? Samples { get; init; }

    /// <summary>Gets the rules folder given to a started service (null: the repository's rules).</summary>
    public string? Rules { get; init; }

    /// <summary>Gets extra environment variables for a started service.</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the default log level of a started service.</summary>
    public string ServiceLogLevel { get; init; } = "Warning";

    /// <summary>Gets how long to wait for a started service's <c>/health/ready</c>.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the hook to drive.</summary>
    public string Hook { get; init; } = "patient-view";

    /// <summary>Gets the service id to drive (null: the first service for <see cref="Hook"/>).</summary>
    public string? ServiceId { get; init; }

    /// <summary>Gets whether to print one JSON object (progress goes to standard error).</summary>
    public bool Json { get; init; }

    /// <summary>The connection pool size: given, else the concurrency, else enough for the rate at 50 ms per request.</summary>
    public int EffectiveConnections(double? rate) =>
        Connections ?? Concurrency ?? (int)Math.Clamp(Math.Ceiling((rate ?? Rate ?? 100) * 0.05), 8, 1024);
}
